using ReferralFlow.Core.Mail;

namespace ReferralFlow.Web.Hosting;

/// <summary>Delivers the outbox every few seconds, beside <see cref="TimerLoop"/> and switched by the same
/// setting. Any number of nodes may run one: rows are claimed (SKIP LOCKED on PostgreSQL). Logs counts only,
/// never addresses or content.</summary>
internal sealed class OutboxLoop(
    IServiceProvider services,
    ReferralFlowSettings settings,
    ILogger<OutboxLoop> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Workers)
        {
            logger.LogInformation("Outbox delivery disabled by {Setting}", ReferralFlowSettings.TimerWorkers);
            return;
        }
        OutboxDelivery delivery;
        try
        {
            // Resolved here, not injected: a bad SMTP URL or template folder must be reported, not stop the host.
            delivery = services.GetRequiredService<OutboxDelivery>();
            logger.LogInformation("Outbox delivery to {Target}", services.GetRequiredService<MailSettings>().Describe());
        }
        catch (Exception e)
        {
            logger.LogError(e, "Outbox delivery cannot start; messages wait in the outbox until the setting is fixed and the host restarted");
            return;
        }
        using var ticks = new PeriodicTimer(Interval);
        try
        {
            do await DeliverOnceAsync(delivery, stoppingToken);
            while (await ticks.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; a claimed message whose claim lapses is sent by the next worker.
        }
    }

    private async Task DeliverOnceAsync(OutboxDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            var pass = await delivery.DeliverDueAsync(stoppingToken);
            if (pass.Total > 0)
                logger.LogInformation("Outbox: {Sent} sent, {Retrying} to retry, {Failed} failed", pass.Sent, pass.Retrying, pass.Failed);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A database hiccup must not stop later deliveries: log it and try again on the next tick.
            logger.LogError(e, "Delivering the outbox failed; trying again in {Interval}", Interval);
        }
    }
}
