using System.Text.RegularExpressions;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// One value a procedure step declares for its partner (issue 9 §3): a date-time with its offset, a place, a flight
/// number, a yes/no, a list of document kinds or a value of a closed list. Each factory checks the value's shape, so
/// that free text cannot pass as a fact: a place is checked against the person's record when it is typed
/// (People/PersonMentions), and everything else is a code or a number.
/// </summary>
public sealed partial record MessageFact
{
    private MessageFact(string name, string type)
    {
        Name = MessageFacts.Name(name, nameof(name));
        Type = type;
    }

    /// <summary>The fact's name in the procedure; its label is the phrase <c>fact.{Name}</c>.</summary>
    public string Name { get; }

    /// <summary>One of <see cref="FactTypes.All"/>.</summary>
    public string Type { get; }

    public DateTimeOffset? At { get; private init; }
    public bool? YesNo { get; private init; }

    /// <summary>A place, a flight number or a code of a closed list.</summary>
    public string? Text { get; private init; }

    /// <summary>Document kinds (passport, birth-certificate …), each translated by the phrase <c>document.{kind}</c>.</summary>
    public IReadOnlyList<string> Documents { get; private init; } = [];

    public static MessageFact DateTime(string name, DateTimeOffset at) => new(name, FactTypes.DateTime) { At = at };

    public static MessageFact Place(string name, string place) =>
        new(name, FactTypes.Place) { Text = Checked(place, VariableFormats.Place, name) };

    public static MessageFact FlightNumber(string name, string flight) =>
        new(name, FactTypes.FlightNumber) { Text = Checked(flight, VariableFormats.FlightNumber, name) };

    public static MessageFact Answer(string name, bool yes) => new(name, FactTypes.YesNo) { YesNo = yes };

    public static MessageFact DocumentList(string name, IEnumerable<string> kinds) =>
        new(name, FactTypes.DocumentList) { Documents = [.. kinds.Select(k => MessageFacts.Name(k, nameof(kinds)))] };

    public static MessageFact Code(string name, string code) =>
        new(name, FactTypes.Text)
        {
            Text = CodePattern().IsMatch(code) ? code
                : throw new ArgumentException($"The value of fact '{name}' is not a code of a closed list.", nameof(code)),
        };

    // The sentence names the fact, never the value.
    private static string Checked(string value, string format, string name) =>
        VariableCodes.Problem(name, value, format) is { } problem ? throw new ArgumentException(problem, nameof(value))
            : VariableCodes.Canonical(format, value);

    [GeneratedRegex("^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*$")]
    private static partial Regex CodePattern();
}
