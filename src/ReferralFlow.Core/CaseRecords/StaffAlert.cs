using System.Text.Json;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.CaseRecords;

/// <summary>
/// An escalation that is not a missed deadline but a fact someone recorded (a cost nobody pays, a re-trafficking risk):
/// an outbox row of kind escalation per recipient, exactly as the engine's ladder writes them (RuntimeUnit's
/// MessageQueued), plus a history line — in the caller's unit of work, so the alert leaves only if the record commits.
/// The alert's name doubles as step id and template name, so the mail worker renders it with the "alert" template
/// (Mail/TemplateNames) and words it from phrases/ ("request.unfunded-cost"); it carries no personal data.
/// </summary>
public static class StaffAlert
{
    public const string UnfundedCost = "unfunded-cost";
    public const string ReTraffickingRisk = "re-trafficking-risk";

    /// <summary>A child reported missing or absconded (CaseEvents/MissingChildAlert).</summary>
    public const string MissingChild = "missing-child";

    /// <summary>The last week of air travel is near (CaseEvents/AirTravelWarning).</summary>
    public const string AirTravelLimit = "air-travel-limit";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
        { UnfundedCost, ReTraffickingRisk, MissingChild, AirTravelLimit };

    public static void Queue(ReferralFlowDb db, Guid referralId, string alert, IReadOnlyList<string> recipients,
        DateTimeOffset at, string actor, string detail)
    {
        if (!Names.Contains(alert)) throw new ArgumentOutOfRangeException(nameof(alert), alert, "Unknown staff alert.");
        foreach (var recipient in recipients)
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(at), ReferralId = referralId, StepId = alert, Kind = OutboxKinds.Escalation,
                Recipient = recipient, Template = alert, PayloadJson = JsonSerializer.Serialize(new { alert }),
                CreatedAt = at, NextAttemptAt = at,
            });
        RecordHistory.Add(db, referralId, RecordHistory.StaffAlerted, at, actor, $"{detail}; alerted {string.Join(" and ", recipients)}", alert);
    }
}
