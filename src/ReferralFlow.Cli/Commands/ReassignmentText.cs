using ReferralFlow.Core.Partners;

namespace ReferralFlow.Cli.Commands;

/// <summary>What <c>partners assign</c> says about the open requests that followed the role.</summary>
internal static class ReassignmentText
{
    /// <summary>"2 open requests moved to ANITP (ro-anitp); ADPARE (ro-adpare) was told." Null when nothing moved.</summary>
    public static string? Moved(IReadOnlyList<MovedRequest> moved)
    {
        if (moved.Count == 0) return null;
        var count = moved.Count == 1 ? "1 open request" : $"{moved.Count} open requests";
        var told = Names(moved.Where(m => m.FromTold).Select(m => m.From));
        // An organisation the request never reached is not told: it has nothing to stop.
        var untold = Names(moved.Where(m => !m.FromTold && !moved.Any(t => t.FromTold && t.From.Id == m.From.Id)).Select(m => m.From));
        var parts = new List<string>();
        if (told.Count > 0) parts.Add($"{Join(told)} {(told.Count == 1 ? "was" : "were")} told");
        if (untold.Count > 0) parts.Add($"{Join(untold)} had not received {(moved.Count == 1 ? "it" : "them")} and {(untold.Count == 1 ? "was" : "were")} not told");
        return $"{count} moved to {Join(Names(moved.Select(m => m.To)))}; {string.Join("; ", parts)}.";
    }

    private static List<string> Names(IEnumerable<Organisation> organisations) =>
        [.. organisations.DistinctBy(o => o.Id).Select(o => $"{o.Name} ({o.Key})")];

    private static string Join(List<string> names) =>
        names.Count <= 1 ? string.Join("", names) : string.Join(", ", names[..^1]) + " and " + names[^1];
}
