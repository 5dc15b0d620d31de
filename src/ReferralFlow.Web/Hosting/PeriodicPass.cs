namespace ReferralFlow.Web.Hosting;

/// <summary>
/// Runs one pass of a background worker now and then every <paramref name="interval"/> (wall-clock pacing;
/// what is due is decided by the injected clock). A failing pass is logged and tried again on the next tick,
/// so one bad batch never stops later deadlines or deliveries; stopping the host ends the loop quietly.
/// </summary>
internal static class PeriodicPass
{
    public static async Task RunAsync(
        Func<CancellationToken, Task> pass, TimeSpan interval, ILogger logger, string what, CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(interval);
        try
        {
            do
            {
                try
                {
                    await pass(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "{What} failed; trying again in {Interval}", what, interval);
                }
            }
            while (await ticks.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; whatever this node had claimed is picked up by the next worker once its lease lapses.
        }
    }
}
