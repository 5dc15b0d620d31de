using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseEvents;

namespace ReferralFlow.Cli.Commands;

/// <summary>
/// The person's own events at case level: <c>referrals missing | suspend | resume | leave | contact | withdraw</c>.
/// Every code comes from a closed list (CaseEvents/CaseVocabulary), checked before anything is written.
/// </summary>
internal static class CaseEventCommands
{
    public static IEnumerable<Command> Create() => [Missing(), Suspend(), Resume(), Leave(), Contact(), Withdraw()];

    private static Command Missing()
    {
        var kind = Code("--kind", "What happened", CaseVocabulary.MissingKinds);
        return Event("missing", "The person absconded or is missing: suspends the referral; for a child, alerts coordinator, " +
            "guardian's organisation and police at once", [kind],
            (actions, id, parse, ct) => actions.RecordMissingAsync(id, parse.GetValue(kind)!, RecordOptions.Operator, ct));
    }

    private static Command Suspend()
    {
        var reason = Code("--reason", "Why the referral waits", CaseVocabulary.SuspensionReasons);
        return Event("suspend", "Suspend an active referral: its timers pause, reminders are held, tasks cannot be completed; " +
            "partners' replies are still recorded", [reason],
            (actions, id, parse, ct) => actions.SuspendAsync(id, parse.GetValue(reason)!, RecordOptions.Operator, ct));
    }

    private static Command Resume() =>
        Event("resume", "Resume a suspended referral: every pending deadline moves later by the time it spent suspended", [],
            (actions, id, _, ct) => actions.ResumeAsync(id, RecordOptions.Operator, ct));

    private static Command Leave()
    {
        var reason = Code("--reason", "Why the person left", CaseVocabulary.LeavingReasons);
        return Event("leave", "The person left the programme: closes the referral as withdrawn, outcome left-programme, " +
            "cancelling its open tasks, requests, timers and sub-procedures", [reason],
            (actions, id, parse, ct) => actions.LeaveProgrammeAsync(id, parse.GetValue(reason)!, RecordOptions.Operator, ct));
    }

    private static Command Withdraw()
    {
        var reason = Code("--reason", "Why the referral is withdrawn", CaseVocabulary.WithdrawalReasons);
        return Event("withdraw", "Withdraw an active referral: its open steps are cancelled", [reason],
            (actions, id, parse, ct) => actions.WithdrawAsync(id, parse.GetValue(reason)!, RecordOptions.Operator, ct));
    }

    private static Command Contact()
    {
        var on = new Option<string>("--on") { Description = "The day of the contact (YYYY-MM-DD)", Required = true, HelpName = "date" };
        var channel = Code("--channel", "How the contact happened", CaseVocabulary.ContactChannels);
        var kind = Code("--kind", "What the contact was", CaseVocabulary.ContactKinds);
        return Event("contact", "Log a contact with the person after the case closed, for monitoring (closed or withdrawn referrals only)",
            [on, channel, kind], (actions, id, parse, ct) =>
            {
                if (!DateOnly.TryParseExact(parse.GetValue(on)!, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    throw new ReferralFlowException("--on is not a date such as 2027-02-01 (YYYY-MM-DD).");
                return actions.RecordContactAsync(id, day, parse.GetValue(channel)!, parse.GetValue(kind)!, RecordOptions.Operator, ct);
            });
    }

    private static Option<string> Code(string name, string description, IReadOnlyList<string> allowed) =>
        new(name) { Description = $"{description}: {string.Join(", ", allowed)}", Required = true, HelpName = "code" };

    private static Command Event(string name, string description, IReadOnlyList<Option> options,
        Func<CaseEventActions, Guid, ParseResult, CancellationToken, Task<CaseEventResult>> act)
    {
        var referral = ReferralsCommands.ReferralArgument();
        var command = new Command(name, description) { referral };
        foreach (var option in options) command.Options.Add(option);
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var context = await CliContext.OpenAsync(parse, output, ct);
            var id = await context.ReferralIdAsync(parse.GetValue(referral)!, ct);
            var result = await act(context.Services.GetRequiredService<CaseEventActions>(), id, parse, ct);
            if (output.Json)
                output.WriteJson(new { id = result.ReferralId, result.CaseCode, result.Kind, result.Code, result.Alerted, result.Note });
            else
            {
                output.Line($"{result.CaseCode}: {Sentence(result)}" + (result.Note is { } note ? $"; {note}." : "."));
                if (result.Alerted.Count > 0) output.Line($"  alerted at once: {string.Join(", ", result.Alerted)}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string Sentence(CaseEventResult r) => r.Kind switch
    {
        CaseEventKinds.Missing => $"recorded the person as {r.Code}",
        CaseEventKinds.Suspended => $"suspended ({r.Code})",
        CaseEventKinds.Resumed => "resumed",
        CaseEventKinds.LeftProgramme => $"closed: the person left the programme ({r.Code})",
        CaseEventKinds.Withdrawn => $"withdrew the referral ({r.Code})",
        CaseEventKinds.ContactAfterClosing => $"logged a contact after closing ({r.Code})",
        _ => r.Kind,
    };
}
