namespace ReferralFlow.Core.Consent;

/// <summary>How consent was given: practice accepts either, depending on the person's situation and the procedure.</summary>
public static class ConsentForms
{
    public const string Written = "written";
    public const string Verbal = "verbal";

    /// <summary>No consent was given: the record is a decision on vital interests.</summary>
    public const string None = "none";

    /// <summary>The forms a caseworker can record.</summary>
    public static readonly IReadOnlyList<string> All = [Written, Verbal];
}

/// <summary>Who gave consent, as a role: the person, a parent (proxy consent), an appointed guardian — or, reported on
/// the person's behalf, a relative or a legal representative (a lawyer, a court-appointed representative).</summary>
public static class ConsentGivers
{
    public const string Person = "person";
    public const string Parent = "parent";
    public const string Guardian = "guardian";
    public const string Relative = "relative";
    public const string LegalRepresentative = "legal-representative";

    /// <summary>The person's consent as someone else reports it: it does not count where a step needs the person's own.</summary>
    public static readonly IReadOnlyList<string> Reported = [Relative, LegalRepresentative];

    /// <summary>What the vital interests basis records as giver: nobody.</summary>
    public const string Nobody = "nobody";

    public static readonly IReadOnlyList<string> All = [Person, Parent, Guardian, Relative, LegalRepresentative];
}

/// <summary>On what ground a case is shared: the person's consent, or vital interests (GDPR art. 9(2)(c)).</summary>
public static class ConsentBases
{
    public const string Consent = "consent";
    public const string VitalInterests = "vital-interests";
}

/// <summary>Why a coordinator shared a case on vital interests, as a kind: the person's situation stays out of the
/// record, which only needs to show that the ground was one the law allows.</summary>
public static class VitalInterestReasons
{
    /// <summary>A medical emergency in which the receiving organisation must know the case at once.</summary>
    public const string MedicalEmergency = "medical-emergency";

    /// <summary>An immediate risk to the person's life or safety (traffickers close by, a threat received).</summary>
    public const string ImminentDanger = "imminent-danger";

    /// <summary>The person cannot give consent now (unconscious, in crisis) and delay would harm them.</summary>
    public const string UnableToConsent = "unable-to-consent";

    /// <summary>The person, often a child, is missing and the partners must look for them.</summary>
    public const string MissingPerson = "missing-person";

    public static readonly IReadOnlyList<string> All = [MedicalEmergency, ImminentDanger, UnableToConsent, MissingPerson];
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

    /// <summary>A vital interests decision ends: the emergency is over (the person's own consent replaces it, or they refused).</summary>
    public const string EmergencyOver = "emergency-over";

    public static readonly IReadOnlyList<string> All = [ChangedMind, OtherOption, SafetyConcern, GuardianDecision, RecordedInError, EmergencyOver];
}
