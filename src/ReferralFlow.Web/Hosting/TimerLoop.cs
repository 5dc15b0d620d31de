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
        await PeriodicPass.RunAsync(async ct =>
        {
            var fired = await worker.DrainAsync(ct);
            if (fired > 0) logger.LogInformation("Fired {Count} due timer(s)", fired);
        }, Interval, logger, "Firing due timers", stoppingToken);
    }
}
