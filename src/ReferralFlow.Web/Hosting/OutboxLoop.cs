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
        await PeriodicPass.RunAsync(async ct =>
        {
            var pass = await delivery.DeliverDueAsync(ct);
            if (pass.Total > 0)
                logger.LogInformation("Outbox: {Sent} sent, {Retrying} to retry, {Failed} failed, {NotNeeded} not needed",
                    pass.Sent, pass.Retrying, pass.Failed, pass.NotNeeded);
        }, Interval, logger, "Delivering the outbox", stoppingToken);
    }
}
