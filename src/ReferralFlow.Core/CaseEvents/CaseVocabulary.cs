namespace ReferralFlow.Core.CaseEvents;

/// <summary>
/// The closed lists of the case-level events. They are stored in clear and travel into history and audit, so they are
/// codes, never free text. A value outside its list is refused with the list.
/// </summary>
public static class CaseVocabulary
{
    /// <summary>Absconded: left the shelter or programme on their own and cannot be reached. Missing: whereabouts unknown
    /// for any other reason (did not arrive, disappeared).</summary>
    public static readonly IReadOnlyList<string> MissingKinds = ["absconded", "missing"];

    public const string PersonMissing = "person-missing";

    public static readonly IReadOnlyList<string> SuspensionReasons =
        [PersonMissing, "in-hospital", "in-detention", "awaiting-court-decision", "person-asked-for-pause", "safety-concern", "other"];

    public static readonly IReadOnlyList<string> LeavingReasons =
        ["declined-further-assistance", "returned-independently", "moved-to-another-programme", "lost-contact", "re-trafficked",
         "deceased", "other"];

    public static readonly IReadOnlyList<string> WithdrawalReasons =
        ["person-declined", "consent-withdrawn", "not-eligible", "duplicate", "recorded-in-error", "transferred-elsewhere", "other"];

    public static readonly IReadOnlyList<string> ContactChannels = ["phone", "in-person", "email", "messaging", "video-call", "letter", "via-partner"];

    public static readonly IReadOnlyList<string> ContactKinds =
        ["check-in", "asked-for-help", "crisis", "information-request", "follow-up-visit", "re-trafficking-concern"];

    /// <summary>The code as stored (trimmed, lower case), or a sentence naming the option and the allowed values.</summary>
    public static string Check(string? value, IReadOnlyList<string> allowed, string what)
    {
        var code = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
            throw new ReferralFlowException($"Give {what}: one of {string.Join(", ", allowed)}; nothing was changed.");
        // The value is not repeated: a mistyped field could hold anything.
        return allowed.Contains(code) ? code
            : throw new ReferralFlowException($"{char.ToUpperInvariant(what[0])}{what[1..]} is not one of the list: use one of " +
                $"{string.Join(", ", allowed)}; nothing was changed.");
    }
}
