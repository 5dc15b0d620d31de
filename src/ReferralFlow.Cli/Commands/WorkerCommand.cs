using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>worker</c>: fires due timers and delivers the outbox, once or every few seconds until Ctrl-C.</summary>
internal static class WorkerCommand
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Do one pass and exit" };
        var command = new Command("worker", "Fire due reminders, escalations and deadlines, and send the e-mails waiting in the outbox") { once };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            // Unique per process (and per run in one process): leases of timers are held by this name.
            var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
            var worker = new TimerWorker(context.Runtime, context.Clock, owner);
            var mail = MailSettings.FromEnvironment(context.ConnectionString);
            var delivery = Delivery(context, mail);
            if (parse.GetValue(once))
            {
                var pass = await PassAsync(context, worker, delivery, ct);
                if (output.Json) output.WriteJson(Json(pass));
                else Report(output, pass, always: true);
                return ExitCodes.Ok;
            }
            if (!output.Json) output.Line($"Worker {owner} polling every {PollPeriod.TotalSeconds:0} s, mail to {mail.Describe()}; Ctrl-C to stop.");
            Pass? last = null;
            try
            {
                while (true)
                {
                    var pass = await PassAsync(context, worker, delivery, ct);
                    Report(output, pass, always: last is null || pass.OutboxWaiting != last.OutboxWaiting);
                    last = pass;
                    await Task.Delay(PollPeriod, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                if (!output.Json) output.Line("Stopped.");
                return ExitCodes.Ok;
            }
        }));
        return command;
    }

    private sealed record Pass(DateTimeOffset At, int Fired, DeliveryPass Mail, int OutboxWaiting);

    private static OutboxDelivery Delivery(CliContext context, MailSettings mail)
    {
        var library = context.Library;
        var links = new TokenReplyLinks(new ReferralFlow.Core.Replies.ReplyLinks(mail.PublicUrl, library, context.Clock));
        return new(context.OpenDb, new DirectoryAddressBook(), mail.CreateSender(), TemplateSet.Load(mail.TemplatesDirectory),
            links, library, mail, context.Clock);
    }

    private static async Task<Pass> PassAsync(CliContext context, TimerWorker worker, OutboxDelivery delivery, CancellationToken ct)
    {
        // Timers first: the reminders and escalations they queue go out in the same pass.
        var fired = await worker.DrainAsync(ct);
        var mail = await delivery.DeliverDueAsync(ct);
        await using var db = context.OpenDb();
        return new Pass(context.Clock.GetUtcNow(), fired, mail, await OutboxQueries.CountWaitingAsync(db, ct));
    }

    private static object Json(Pass pass) => new
    {
        at = pass.At, fired = pass.Fired, sent = pass.Mail.Sent, retrying = pass.Mail.Retrying, failed = pass.Mail.Failed,
        notNeeded = pass.Mail.NotNeeded, outboxWaiting = pass.OutboxWaiting,
    };

    private static void Report(CliOutput output, Pass pass, bool always)
    {
        if (!always && pass.Fired == 0 && pass.Mail.Total == 0) return;
        if (output.Json)
        {
            output.WriteJsonLine(Json(pass));
            return;
        }
        output.Line($"{Text.Time(pass.At)}  fired {Text.Count(pass.Fired, "timer", "timers")}");
        if (pass.Mail.Total > 0)
            output.Line($"sent {Text.Count(pass.Mail.Sent, "message", "messages")}, {pass.Mail.Retrying} to retry, {pass.Mail.Failed} failed (see the referrals' incidents)" +
                (pass.Mail.NotNeeded > 0 ? $", {pass.Mail.NotNeeded} not needed (staff reminders, answered requests)" : ""));
        output.Line($"{Text.Count(pass.OutboxWaiting, "message", "messages")} waiting in the outbox");
    }
}
