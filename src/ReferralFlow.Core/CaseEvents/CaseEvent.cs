namespace ReferralFlow.Core.CaseEvents;

/// <summary>
/// Something that happened to the person, outside any procedure step (issue 9 §6): gone missing, the case suspended or
/// resumed, left the programme, withdrawn, a contact after the case closed, the last week of air travel planned. Append
/// only. Every value is a code from a closed list (<see cref="CaseVocabulary"/>) or a date: no free text, so nothing
/// here can hold a name.
/// </summary>
public sealed class CaseEvent
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }

    /// <summary>One of <see cref="CaseEventKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The event's code: the reason, the missing kind (absconded | missing), the contact's kind.</summary>
    public string? Code { get; init; }

    /// <summary>How a contact after closing happened (<see cref="CaseVocabulary.ContactChannels"/>).</summary>
    public string? Channel { get; init; }

    /// <summary>The day it concerns: the day of a contact after closing, the last day air travel is allowed.</summary>
    public DateOnly? OccurredOn { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

public static class CaseEventKinds
{
    public const string Missing = "missing";
    public const string Suspended = "suspended";
    public const string Resumed = "resumed";
    public const string LeftProgramme = "left-programme";
    public const string Withdrawn = "withdrawn";
    public const string ContactAfterClosing = "contact-after-closing";
    public const string AirTravelLimit = "air-travel-limit";
    public const string AirTravelWarned = "air-travel-warned";
}
