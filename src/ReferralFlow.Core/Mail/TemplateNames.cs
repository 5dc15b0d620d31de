using ReferralFlow.Core.Outbox;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// Which template file renders an outbox message. Requests and notices are named freely by the procedures, so
/// several names share a template (the name itself still reaches the message as <c>{{request}}</c>, translated);
/// a name listed nowhere falls back to a generic template rather than leaving a message unsent.
/// </summary>
public static class TemplateNames
{
    public const string GenericRequest = "partner-request";
    public const string GenericNotice = "notice";
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
    public const string OutcomeNotice = "outcome-notice";
    public const string ConsentWithdrawn = "consent-withdrawn";

    /// <summary>To an organisation a request left (its role reassigned): take no further action, the links are closed.</summary>
    public const string RequestMoved = "request-moved";

    /// <summary>To the sending side: a partner forwarded a request, or proposes an address to confirm.</summary>
    public const string ForwardNotice = "forward-notice";

    /// <summary>An escalation raised by a recorded fact, not a missed deadline (CaseRecords/StaffAlert).</summary>
    public const string Alert = "alert";

    /// <summary>Every template the set must hold, in every language.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "accept-referral", "document-request", "escort-request", "arrival-confirmation", "monitoring-report",
        "court-support", GenericRequest, Reminder, Escalation, OutcomeNotice, ConsentWithdrawn, GenericNotice, Alert,
        RequestMoved, ForwardNotice,
    ];

    private static readonly Dictionary<string, string> Requests = new(StringComparer.Ordinal)
    {
        ["accept-referral"] = "accept-referral",
        // Asking a partner to take the person on is an acceptance, whoever the partner is.
        ["alternative-placement"] = "accept-referral",
        ["resettlement-request"] = "accept-referral",
        ["document-request"] = "document-request",
        ["escort-request"] = "escort-request",
        ["arrival-confirmation"] = "arrival-confirmation",
        ["monitoring-report"] = "monitoring-report",
        ["hearing-information"] = "court-support",
        ["witness-protection-request"] = "court-support",
        ["court-support"] = "court-support",
        ["family-assessment"] = GenericRequest,
        ["family-protection-request"] = GenericRequest,
    };

    private static readonly HashSet<string> OwnNotices = new(StringComparer.Ordinal) { OutcomeNotice, ConsentWithdrawn, RequestMoved, ForwardNotice };

    /// <summary>The template for a message of <paramref name="kind"/> (see <see cref="OutboxKinds"/>) named
    /// <paramref name="name"/> in the procedure, addressed to <paramref name="recipient"/>.</summary>
    public static string For(string kind, string name, string recipient) => kind switch
    {
        OutboxKinds.Request => Requests.GetValueOrDefault(name, GenericRequest),
        OutboxKinds.Notice => OwnNotices.Contains(name) ? name : GenericNotice,
        OutboxKinds.Reminder => Reminder,
        // The ladder's first rung goes to the partner's backup contact: for them it is a reminder with the
        // answer links; the later rungs go to the sending side's staff.
        OutboxKinds.Escalation => CaseRecords.StaffAlert.Names.Contains(name) ? Alert : recipient == "backup" ? Reminder : Escalation,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown outbox message kind."),
    };

    /// <summary>Whether the name has a template of its own or an explicit shared one (the test of the shipped
    /// procedures uses it to catch a new request name that would silently fall back to the generic template).</summary>
    public static bool IsMapped(string kind, string name) => kind switch
    {
        OutboxKinds.Request => Requests.ContainsKey(name),
        _ => true,
    };
}
