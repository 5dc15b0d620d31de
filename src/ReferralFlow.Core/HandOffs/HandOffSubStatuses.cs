namespace ReferralFlow.Core.HandOffs;

/// <summary>
/// The finer progress of an open hand-off, beside its FHIR status (DESIGN.md §5): a closed list, so a coordinator
/// reading the timeline of any referral sees the same words, and a list can filter on them.
/// </summary>
public static class HandOffSubStatuses
{
    /// <summary>Papers (travel documents, a case file) are awaited before the partner can go on.</summary>
    public const string DocumentsPending = "documents-pending";

    /// <summary>The person is travelling to the partner (escort under way).</summary>
    public const string InTransit = "in-transit";

    /// <summary>The person is with the partner; the request itself is closed by the partner's answer.</summary>
    public const string HandedOver = "handed-over";

    public static readonly IReadOnlyList<string> All = [DocumentsPending, InTransit, HandedOver];

    /// <summary>Sub-statuses that mean the work asked for has started: the hand-off becomes FHIR "in-progress".
    /// Waiting for papers does not: nothing has moved yet.</summary>
    public static bool MeansStarted(string subStatus) => subStatus is InTransit or HandedOver;

    /// <summary>The sub-status named by <paramref name="text"/>, or a <see cref="ReferralFlowException"/> that says
    /// which ones exist (and the likely one, for a typo).</summary>
    public static string Parse(string text)
    {
        var code = text.Trim().ToLowerInvariant();
        if (All.Contains(code, StringComparer.Ordinal)) return code;
        throw new ReferralFlowException($"Unknown sub-status '{text}'" + (Engine.Typos.Closest(code, All) is { } close
            ? $"; did you mean '{close}'?"
            : $"; use one of: {string.Join(", ", All)}."));
    }
}
