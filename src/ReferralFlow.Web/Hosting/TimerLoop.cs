using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Web.Hosting;

/// <summary>Fires due timers every few seconds. Any number of nodes may run one: claims are leased per owner.
/// Logs counts only.</summary>
internal sealed class TimerLoop(
    ReferralRuntime runtime,
    TimeProvider clock,
    ReferralFlowSettings settings,
    ILogger<TimerLoop> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Workers)
        {
            logger.LogInformation("Timer worker disabled by {Setting}", ReferralFlowSettings.TimerWorkers);
            return;
        }
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var worker = new TimerWorker(runtime, clock, owner);
        // Polling is paced by the wall clock; what is due is decided by the injected clock, which a test may move.
        using var ticks = new PeriodicTimer(Interval);
        try
        {
            do await DrainOnceAsync(worker, stoppingToken);
            while (await ticks.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a claimed timer whose lease lapses is fired by the next worker.
        }
    }

    private async Task DrainOnceAsync(TimerWorker worker, CancellationToken stoppingToken)
    {
        try
        {
            var fired = await worker.DrainAsync(stoppingToken);
            if (fired > 0) logger.LogInformation("Fired {Count} due timer(s)", fired);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A failing batch must not stop every later deadline: log it and try again on the next tick.
            logger.LogError(e, "Firing due timers failed; trying again in {Interval}", Interval);
        }
    }
}
