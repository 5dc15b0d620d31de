using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Corridor;

/// <summary>What changes in the corridor: a field left null keeps its value; <see cref="Transit"/> given replaces the
/// whole list (empty clears it). The origin may be "unknown".</summary>
public sealed record CorridorChangeInput(string? Origin, IReadOnlyList<string?>? Transit, string? Destination)
{
    public bool ChangesNothing => Origin is null && Transit is null && Destination is null;
}

/// <summary>What a change did: the corridor before and after, and how many incidents waiting on it ran again.</summary>
public sealed record CorridorChanged(Guid ReferralId, string CaseCode, CorridorRoute From, CorridorRoute To, int IncidentsRetried);

/// <summary>
/// The corridor learnt or corrected during a case (issue 9 §7): the origin identified after intake, a transit country
/// found out, a destination corrected. One transaction: the referral's corridor, a history line and an audit entry
/// naming who changed what, the procedure's corridor facts (<see cref="CorridorFacts"/>), and the incidents that waited
/// on the corridor run again (a directory query that lacked the origin country, a condition that read it).
/// </summary>
public static class CorridorChange
{
    public const string HistoryKind = "corridor-changed";
    public const string AuditAction = "corridor.changed";

    public static Task<CorridorChanged> ChangeAsync(ReferralRuntime runtime, Guid referralId, CorridorChangeInput input, Actor actor,
        CancellationToken ct = default) =>
        Transactions.RunAsync(runtime.OpenDb, actor, unit => runtime.ChangeCorridorInAsync(unit, referralId, input, ct), ct);

    /// <summary>The corridor <paramref name="input"/> makes of <paramref name="current"/>, checked as intake checks it;
    /// every problem in one sentence naming the field, never the text typed.</summary>
    public static CorridorRoute Apply(CorridorRoute current, CorridorChangeInput input)
    {
        if (input.ChangesNothing)
            throw new ReferralFlowException("Say what changes: the origin, the transit countries or the destination.");
        var wanted = new CorridorInput
        {
            Origin = input.Origin?.Trim() ?? current.Origin ?? CorridorInput.Unknown,
            Transit = [.. input.Transit?.Select(t => t?.Trim()) ?? current.Transit],
            Destination = input.Destination?.Trim() ?? current.Destination,
        };
        var problems = new CorridorValidator().Validate(wanted).Errors
            .Select(e => $"{IntakeValidator.JsonPath(e.PropertyName)[2..]}: {e.ErrorMessage}").Distinct().ToList();
        if (problems.Count > 0)
            throw new ReferralFlowException($"The corridor cannot change: {string.Join("; ", problems)}.");
        var to = new CorridorRoute(wanted.OriginCode, [.. wanted.Transit.Select(t => t!)], wanted.Destination);
        if (to.Equals(current)) throw new ReferralFlowException($"The corridor is already {current}: nothing to change.");
        return to;
    }
}
