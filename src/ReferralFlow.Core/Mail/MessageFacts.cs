using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// Everything a message template can show, and nothing more (DESIGN.md §5–§6): the case code, what is asked
/// (as a workflow name, translated by the template set), the due date, the answer given, the sender's contact,
/// links and the step's typed facts. There is deliberately no free-text field, so no person's name, birth date or document number can
/// reach a message: names must look like workflow names and the case code must be a case code.
/// </summary>
public sealed partial record MessageFacts
{
    public MessageFacts(string caseCode, string request, DateTimeOffset? dueAt, MessageSender sender,
        IReadOnlyList<MessageLink> links, string? answer = null, IReadOnlyList<MessageAlternative>? alternatives = null)
    {
        CaseCode = Referrals.CaseCode.IsValid(caseCode) ? caseCode
            : throw new ArgumentException($"'{caseCode}' is not a case code (RF-yyyy-XXXXX, or RF-yyyy-XXXXX/n for a procedure running alongside another).", nameof(caseCode));
        Request = Name(request, nameof(request));
        Answer = answer is null ? null : Name(answer, nameof(answer));
        DueAt = dueAt;
        Sender = sender;
        Links = links;
        Alternatives = alternatives ?? [];
    }

    public string CaseCode { get; }

    /// <summary>What is asked or announced: the step's request or notice name ("accept-referral",
    /// "departure-notice"), or the step id for a task reminder.</summary>
    public string Request { get; }

    public DateTimeOffset? DueAt { get; }
    public MessageSender Sender { get; }
    public IReadOnlyList<MessageLink> Links { get; }

    /// <summary>The outcome a partner chose, for the notice to the sending caseworker.</summary>
    public string? Answer { get; }

    /// <summary>Other partners the directory suggests, for the ladder's "alternatives" rung to the coordinator;
    /// empty otherwise.</summary>
    public IReadOnlyList<MessageAlternative> Alternatives { get; }

    /// <summary>What the step declares for its partner (departure, place, flight, documents): typed values, never free
    /// text; see <see cref="MessageFact"/>. Empty for a step without facts.</summary>
    public IReadOnlyList<MessageFact> Facts { get; init; } = [];

    internal static string Name(string value, string parameter) =>
        NamePattern().IsMatch(value) ? value
            : throw new ArgumentException($"'{value}' is not a workflow name (lower-case letters, digits and '-').", parameter);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}

/// <summary>Who to contact about the request: the sending organisation and its address, never a person's name.</summary>
public sealed record MessageSender(string Organisation, MailAddress Email);

/// <summary>A partner organisation suggested instead of the one that did not answer: directory data about an
/// organisation (name, country, kind), never a contact person.</summary>
public sealed record MessageAlternative
{
    public MessageAlternative(string organisation, string country, string kind)
    {
        Organisation = organisation;
        Country = country is { Length: 2 } && country.All(char.IsAsciiLetterUpper) ? country
            : throw new ArgumentException($"'{country}' is not an ISO 3166-1 alpha-2 country code.", nameof(country));
        Kind = MessageFacts.Name(kind, nameof(kind));
    }

    public string Organisation { get; }
    public string Country { get; }
    public string Kind { get; }
}

/// <summary>One link in a message; <see cref="Name"/> is an outcome ("accepted") or a page ("tasks", "referral"),
/// shown through the template set's phrases.</summary>
public sealed record MessageLink
{
    public MessageLink(string name, Uri url)
    {
        Name = MessageFacts.Name(name, nameof(name));
        Url = url;
    }

    public string Name { get; }
    public Uri Url { get; }
}
