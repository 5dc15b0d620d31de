using ReferralFlow.Cli.Output;

namespace ReferralFlow.Cli.Commands;

/// <summary>What <c>tasks complete</c> and <c>handoffs answer</c> print: what was recorded and where the referral stands now.</summary>
internal static class StepResult
{
    public static async Task WriteAsync(
        CliContext context, (Guid ReferralId, string Step) done, Guid id, string outcome, string verb, CancellationToken ct)
    {
        var details = await context.ShowAsync(done.ReferralId, ct);
        var output = context.Output;
        if (output.Json)
        {
            output.WriteJson(new
            {
                id, referralId = details.Id, details.CaseCode, step = done.Step, outcome,
                details.Status, referralOutcome = details.Outcome, details.OpenSteps,
            });
            return;
        }
        output.Line($"{char.ToUpperInvariant(verb[0])}{verb[1..]} '{done.Step}' of {details.CaseCode} with '{outcome}'.");
        if (details.Status != "active") output.Line($"{details.CaseCode} is {details.Status}{(details.Outcome is null ? "" : $": {details.Outcome}")}.");
        else ReferralText.WriteOpenSteps(output, details);
    }
}
