using System.Text.Json.Nodes;
using ReferralFlow.Core.People;

namespace ReferralFlow.Core.Intake;

/// <summary>
/// The input of a new referral (<c>referrals start --input FILE.json</c>, <c>POST /api/referrals</c>): the person,
/// the sending and receiving organisations (directory ids), the corridor, and the procedure's input variables. Text
/// as given, checked as a whole by <see cref="IntakeValidator"/>; <see cref="ShapeProblems"/> are what reading the
/// JSON already found (unknown fields, wrong types).
/// </summary>
public sealed record ReferralIntake
{
    public PersonInput? Person { get; init; }
    public string? SendingOrganisation { get; init; }
    public string? ReceivingOrganisation { get; init; }
    public CorridorInput? Corridor { get; init; }
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();
    public IReadOnlyList<IntakeProblem> ShapeProblems { get; init; } = [];

    public static readonly ReferralIntake Empty = new();
}

/// <summary>The person's fields as given; <see cref="ToData"/> once they are valid.</summary>
public sealed record PersonInput
{
    public string? FullName { get; init; }
    public IReadOnlyList<string?> Aliases { get; init; } = [];
    public string? BirthDate { get; init; }
    public string? Nationality { get; init; }
    public IReadOnlyList<string?> Languages { get; init; } = [];
    public string? DocumentNumber { get; init; }
    public string? Contact { get; init; }
    public string? HealthNotes { get; init; }

    public DateOnly? ParsedBirthDate => IntakeFormats.Date(BirthDate);

    public PersonalData ToData() => new()
    {
        FullName = FullName!.Trim(),
        Aliases = [.. Aliases.Select(a => a!.Trim())],
        BirthDate = ParsedBirthDate,
        Nationality = Blank(Nationality),
        Languages = [.. Languages.Select(l => l!.Trim())],
        DocumentNumber = Blank(DocumentNumber),
        Contact = Blank(Contact),
        HealthNotes = Blank(HealthNotes),
    };

    /// <summary>Like a record's ToString, which would print the person's data wherever it is formatted.</summary>
    public override string ToString() => "PersonInput { (personal data) }";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Origin, transit and destination as country codes, in the field's terms (<see cref="Referrals.Referral.OriginCountry"/>);
/// the origin may be <see cref="Unknown"/> until the person's country is identified.</summary>
public sealed record CorridorInput
{
    public const string Unknown = "unknown";

    public string? Origin { get; init; }

    /// <summary>The origin's country code, or null while it is not known.</summary>
    public string? OriginCode => IsUnknown(Origin) ? null : Origin?.Trim();

    public IReadOnlyList<string?> Transit { get; init; } = [];
    public string? Destination { get; init; }

    public static bool IsUnknown(string? origin) => string.Equals(origin?.Trim(), Unknown, StringComparison.OrdinalIgnoreCase);
}
