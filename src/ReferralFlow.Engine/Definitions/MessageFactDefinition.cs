namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// One value a partner request or notice carries to its partner (issue 9 §3): the departure time, the place, the flight,
/// the documents asked for. Taken from a non-personal workflow variable or from a case record the runtime knows
/// (<see cref="FactRecords"/>), never from the person's record or free text. The label is the phrase
/// <c>fact.{Name}</c> in each language of templates/phrases.
/// </summary>
public sealed record MessageFactDefinition(string Name, string Type, string? Variable, string? Record);

/// <summary>The kinds of value a message fact can be, each rendered in its own way.</summary>
public static class FactTypes
{
    /// <summary>A date and time with the offset it was recorded with: "2027-03-02 14:30 UTC+01:00".</summary>
    public const string DateTime = "date-time";
    public const string Place = "place";
    public const string FlightNumber = "flight-number";
    public const string YesNo = "yes-no";

    /// <summary>Names of documents (passport, birth-certificate …), each translated by the phrase <c>document.{name}</c>.</summary>
    public const string DocumentList = "document-list";

    /// <summary>One value of a closed list (a string variable with "values").</summary>
    public const string Text = "text";

    public static readonly IReadOnlyList<string> All = [DateTime, Place, FlightNumber, YesNo, DocumentList, Text];
}

/// <summary>
/// The case records a message fact may read, with the type each gives, and those it may not: the person's record and
/// free text a caseworker or partner typed (an escort's contact, whom the person was handed to, a comment), where a
/// name could be.
/// </summary>
public static class FactRecords
{
    public const string RequiredDocuments = "documents.required";
    public const string DepartureAt = "escort.departureAt";
    public const string DeparturePlace = "escort.departurePlace";
    public const string ArrivalPlace = "escort.arrivalPlace";

    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [RequiredDocuments] = FactTypes.DocumentList,
        [DepartureAt] = FactTypes.DateTime,
        [DeparturePlace] = FactTypes.Place,
        [ArrivalPlace] = FactTypes.Place,
    };

    /// <summary>Records that hold free text, where a name could be typed.</summary>
    public static readonly IReadOnlySet<string> FreeText = new HashSet<string>(StringComparer.Ordinal)
    {
        "escort.escort", "escort.contact", "arrival.handedOverTo", "arrival.confirmedBy", "arrival.comment",
        "documents.requirements", "documents.number",
    };

    /// <summary>The person's own record (<c>person.fullName</c>, <c>person.birthDate</c> …) and the forms filled in about them.</summary>
    public static bool IsPersonal(string record) =>
        record == "person" || record.StartsWith("person.", StringComparison.Ordinal)
        || record == "forms" || record.StartsWith("forms.", StringComparison.Ordinal)
        || record.StartsWith("form.", StringComparison.Ordinal);
}
