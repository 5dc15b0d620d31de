using System.CommandLine;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Cli.Commands;

/// <summary><c>referrals stage REFERRAL STAGE</c>: moves a referral to the next stage of practice, or back where practice
/// goes back; any other change is refused with the stages it can go to.</summary>
internal static class StageCommand
{
    public static Command Create()
    {
        var id = ReferralsCommands.ReferralArgument();
        var stage = new Argument<string>("stage") { Description = $"The new stage: {string.Join(", ", ReferralStages.All)}" };
        var command = new Command("stage", "Move a referral to another stage (identification → assessment → pre-departure → travel → arrival → monitoring)") { id, stage };
        command.SetAction(CliAction.Run(async (parse, output, ct) =>
        {
            var target = ReferralStages.Parse(parse.GetValue(stage)!);
            var context = await CliContext.OpenAsync(parse, output, ct);
            var referralId = await context.ReferralIdAsync(parse.GetValue(id)!, ct);
            await using var db = context.OpenDb();
            var (from, to) = await ReferralStages.ChangeAsync(db, referralId, target, RecordOptions.Operator.Name, context.Clock.GetUtcNow(), ct);
            var caseCode = (await context.ShowAsync(referralId, ct)).CaseCode;
            if (output.Json) output.WriteJson(new { id = referralId, caseCode, from = ReferralStages.Name(from), to = ReferralStages.Name(to) });
            else output.Line($"{caseCode}: stage {ReferralStages.Name(from)} → {ReferralStages.Name(to)}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
