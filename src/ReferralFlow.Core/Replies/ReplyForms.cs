namespace ReferralFlow.Core.Replies;

public enum ReplyFieldType { Text, LongText, DateTime, Date, Choice, Flag }

public sealed record ReplyChoice(string Value, string Label);

/// <param name="Missing">The message when a required field is left empty, phrased as what to do.</param>
public sealed record ReplyField(
    string Name, string Label, ReplyFieldType Type, string? Missing = null, string? Help = null,
    IReadOnlyList<ReplyChoice>? Choices = null)
{
    public bool Required => Missing is not null;
}

/// <summary>The form behind one answer link. <paramref name="Kind"/> names the shape (refusal, question ...).</summary>
public sealed record ReplyForm(string Kind, IReadOnlyList<ReplyField> Fields);

/// <summary>
/// Which form each answer gets, chosen by outcome name: the procedures name their answers freely, so the known
/// names are listed by meaning and anything else gets an optional comment. Help texts remind the partner that
/// the sender knows who the person is: no names are needed.
/// </summary>
public static class ReplyForms
{
    private const string NoNames = "Do not write the person's name: the sender knows whom the case code stands for.";

    private static readonly HashSet<string> Refusals = ["declined", "refused", "rejected", "not-possible", "no-placement"];
    private static readonly HashSet<string> Questions = ["needs-information", "additional-papers-requested"];
    private static readonly HashSet<string> Acceptances = ["accepted", "placement-offered"];
    private static readonly HashSet<string> Arrivals = ["arrived-safely"];
    private static readonly HashSet<string> Completions =
        ["issued", "completed", "informed", "protection-arranged", "protection-confirmed", "located-safe", "done"];
    private static readonly HashSet<string> MonitoringReports = ["received", "risk-flagged"];

    public static readonly IReadOnlyList<ReplyChoice> Wellbeing =
    [
        new("well", "Doing well"),
        new("some-concerns", "Some concerns"),
        new("serious-concerns", "Serious concerns"),
    ];

    public static ReplyForm For(string outcome) => outcome switch
    {
        _ when Refusals.Contains(outcome) => new("refusal",
            [new("reason", "Reason", ReplyFieldType.LongText, "Give the reason for this answer, so that the sender can look for another way.", NoNames)]),
        _ when Questions.Contains(outcome) => new("question",
            [new("question", "What do you need to know or receive?", ReplyFieldType.LongText, "Write your question, so that the sender can answer it.", NoNames)]),
        _ when Acceptances.Contains(outcome) => new("acceptance",
        [
            new("contactPerson", "Contact person at your organisation", ReplyFieldType.Text,
                "Name the contact person at your organisation who will plan the next steps with the sender."),
            Comment(),
        ]),
        _ when Arrivals.Contains(outcome) => new("arrival",
        [
            new("arrivedAt", "Date and time of arrival (UTC)", ReplyFieldType.DateTime, "Give the date and time of arrival."),
            new("place", "Place of arrival", ReplyFieldType.Text, "Give the place of arrival (airport, station, office …)."),
            // The hand-over closes the escort's responsibility (Arrival/ArrivalRecord shows it): an organisation and a role.
            new("handedOverTo", "Handed over to", ReplyFieldType.Text, "Say who took the person over: organisation and role.",
                "For example \"shelter staff of your organisation\" or \"border police officer\"; no names needed."),
            Comment(),
        ]),
        _ when Completions.Contains(outcome) => new("completion",
            [new("completedAt", "Date and time (UTC)", ReplyFieldType.DateTime, "Give the date and time this was done."), Comment()]),
        _ when MonitoringReports.Contains(outcome) => MonitoringReport(outcome == "risk-flagged"),
        _ => new("comment", [Comment()]),
    };

    private static ReplyForm MonitoringReport(bool riskFlagged) => new("monitoring-report",
    [
        new("reportDate", "Date of the contact", ReplyFieldType.Date, "Give the date of the contact this report is about."),
        new("wellbeing", "Wellbeing", ReplyFieldType.Choice, "Choose how the person is doing.", Choices: Wellbeing),
        new("servicesReceived", "Services received since the last report", ReplyFieldType.LongText,
            "List the services received since the last report (write \"none\" if there were none).", NoNames),
        riskFlagged
            ? new("riskDetails", "Signs of a re-trafficking risk", ReplyFieldType.LongText,
                "Describe the signs of a re-trafficking risk, so that the sender can act on them.", NoNames)
            : new("riskFlag", "There are signs of a re-trafficking risk", ReplyFieldType.Flag),
    ]);

    private static ReplyField Comment() => new("comment", "Comment (optional)", ReplyFieldType.LongText, Help: NoNames);
}
