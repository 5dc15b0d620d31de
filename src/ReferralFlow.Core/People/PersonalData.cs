namespace ReferralFlow.Core.People;

/// <summary>
/// The person's own data: what identifies, reaches or describes them. It exists in memory only between a decrypt and
/// its use; at rest it is a <see cref="PersonRecord"/>, encrypted. Never a workflow variable, a history line, an audit
/// entry, a log line or part of an exception message (README: referrals are known by their case code).
/// </summary>
public sealed record PersonalData
{
    public required string FullName { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Unknown for many persons found without papers: the age rule then presumes a minor.</summary>
    public DateOnly? BirthDate { get; init; }

    /// <summary>ISO 3166-1 alpha-2, as the directory writes countries.</summary>
    public string? Nationality { get; init; }

    /// <summary>ISO 639-1 codes, the person's languages first (information must be in their language, L1930).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    public string? DocumentNumber { get; init; }
    public string? Contact { get; init; }
    public string? HealthNotes { get; init; }

    /// <summary>The names of the fields that hold something: what an audit entry may say about a record.</summary>
    public IReadOnlyList<string> FilledFields() =>
    [
        "fullName",
        .. Aliases.Count > 0 ? ["aliases"] : Array.Empty<string>(),
        .. BirthDate is not null ? ["birthDate"] : Array.Empty<string>(),
        .. Nationality is not null ? ["nationality"] : Array.Empty<string>(),
        .. Languages.Count > 0 ? ["languages"] : Array.Empty<string>(),
        .. DocumentNumber is not null ? ["documentNumber"] : Array.Empty<string>(),
        .. Contact is not null ? ["contact"] : Array.Empty<string>(),
        .. HealthNotes is not null ? ["healthNotes"] : Array.Empty<string>(),
    ];

    /// <summary>The fields whose values differ from <paramref name="before"/>, by name only.</summary>
    public IReadOnlyList<string> ChangedFrom(PersonalData before) =>
    [
        .. FullName != before.FullName ? ["fullName"] : Array.Empty<string>(),
        .. !Aliases.SequenceEqual(before.Aliases) ? ["aliases"] : Array.Empty<string>(),
        .. BirthDate != before.BirthDate ? ["birthDate"] : Array.Empty<string>(),
        .. Nationality != before.Nationality ? ["nationality"] : Array.Empty<string>(),
        .. !Languages.SequenceEqual(before.Languages) ? ["languages"] : Array.Empty<string>(),
        .. DocumentNumber != before.DocumentNumber ? ["documentNumber"] : Array.Empty<string>(),
        .. Contact != before.Contact ? ["contact"] : Array.Empty<string>(),
        .. HealthNotes != before.HealthNotes ? ["healthNotes"] : Array.Empty<string>(),
    ];

    /// <summary>A record's generated ToString would print every field into whatever logs or formats it.</summary>
    public override string ToString() => "PersonalData { (protected) }";
}
