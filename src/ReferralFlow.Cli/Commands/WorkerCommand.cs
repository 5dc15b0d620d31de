using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>worker</c>: fires due timers and looks at the outbox, once or every few seconds until Ctrl-C.</summary>
internal static class WorkerCommand
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromSeconds(5);

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Do one pass and exit" };
        var command = new Command("worker", "Fire due reminders, escalations and deadlines, and report the outbox") { once };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            // Unique per process (and per run in one process): leases of timers are held by this name.
            var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
            var worker = new TimerWorker(context.Runtime, context.Clock, owner);
            if (parse.GetValue(once))
            {
                var pass = await PassAsync(context, worker, ct);
                if (output.Json) output.WriteJson(new { at = pass.At, fired = pass.Fired, outboxWaiting = pass.OutboxWaiting });
                else Report(output, pass, always: true);
                return ExitCodes.Ok;
            }
            if (!output.Json) output.Line($"Worker {owner} polling every {PollPeriod.TotalSeconds:0} s; Ctrl-C to stop.");
            Pass? last = null;
            try
            {
                while (true)
                {
                    var pass = await PassAsync(context, worker, ct);
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

    private sealed record Pass(DateTimeOffset At, int Fired, int OutboxWaiting);

    private static async Task<Pass> PassAsync(CliContext context, TimerWorker worker, CancellationToken ct)
    {
        var fired = await worker.DrainAsync(ct);
        // E-mail delivery comes in a later issue; for now the outbox is only counted.
        await using var db = context.OpenDb();
        return new Pass(context.Clock.GetUtcNow(), fired, await OutboxQueries.CountWaitingAsync(db, ct));
    }

    private static void Report(CliOutput output, Pass pass, bool always)
    {
        if (!always && pass.Fired == 0) return;
        if (output.Json)
        {
            output.WriteJsonLine(new { at = pass.At, fired = pass.Fired, outboxWaiting = pass.OutboxWaiting });
            return;
        }
        output.Line($"{Text.Time(pass.At)}  fired {Text.Count(pass.Fired, "timer", "timers")}");
        output.Line($"{Text.Count(pass.OutboxWaiting, "message", "messages")} waiting in the outbox");
    }
}
