namespace ReferralFlow.Core.Consent;

/// <summary>How consent was given: practice accepts either, depending on the person's situation and the procedure.</summary>
public static class ConsentForms
{
    public const string Written = "written";
    public const string Verbal = "verbal";

    public static readonly IReadOnlyList<string> All = [Written, Verbal];
}

/// <summary>Who gave consent, as a role: the person, a parent (proxy consent), or an appointed guardian.</summary>
public static class ConsentGivers
{
    public const string Person = "person";
    public const string Parent = "parent";
    public const string Guardian = "guardian";

    public static readonly IReadOnlyList<string> All = [Person, Parent, Guardian];
}

/// <summary>Why consent was withdrawn, as a kind: a free-text reason would invite personal detail into the record.</summary>
public static class WithdrawalReasons
{
    /// <summary>The person (or the guardian for a child) changed their mind.</summary>
    public const string ChangedMind = "changed-mind";

    /// <summary>The person chose another option (staying, a third country), so this recipient is no longer needed.</summary>
    public const string OtherOption = "other-option";

    /// <summary>Sharing with this recipient has become a risk to the person or their family.</summary>
    public const string SafetyConcern = "safety-concern";

    /// <summary>The guardian or a court withdrew it for a child.</summary>
    public const string GuardianDecision = "guardian-decision";

    /// <summary>Recorded by mistake (wrong recipient or purpose).</summary>
    public const string RecordedInError = "recorded-in-error";

    public static readonly IReadOnlyList<string> All = [ChangedMind, OtherOption, SafetyConcern, GuardianDecision, RecordedInError];
}
