using ReferralFlow.Core.Acting;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Replies;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Arrival;

/// <summary>What was planned: the arrival time the escort plan step set (travel.arrivalAt), the place the last escort
/// leg goes to, and when the confirmation is due (the arrival-confirmation step's deadline, hours after arrival).</summary>
public sealed record ExpectedArrival(DateTimeOffset? At, string? Place, DateTimeOffset? ConfirmationDueAt);

/// <summary>What the receiving side confirmed: by whom and how, when it was answered, when and where the person
/// arrived and to whom they were handed over (the reply page's arrival form), or why not.</summary>
public sealed record ArrivalConfirmation(string Outcome, string? ConfirmedBy, string? Channel, DateTimeOffset AnsweredAt,
    DateTimeOffset? ArrivedAt, string? Place, string? HandedOverTo, string? Comment);

public sealed record ArrivalView(string CaseCode, string Status, ExpectedArrival Expected, ArrivalConfirmation? Confirmation);

/// <summary>
/// The arrival record of a referral (issue 4 §4), built on what is already there rather than kept beside it: the
/// arrival-confirmation hand-off (status, who answered, by which channel), the reply page's arrival form stored with it
/// (Replies/ReplyForms: arrivedAt, place, handedOverTo) or the same facts recorded by staff (<see cref="ArrivalConfirmations"/>),
/// the workflow's travel.arrivalAt and the escort plan. The reply page's form is stored encrypted: showing it decrypts it
/// and writes a "reply.read" audit entry (<see cref="ReplyAnswerReads"/>).
/// </summary>
public static class ArrivalRecord
{
    public const string Request = "arrival-confirmation";
    public const string ArrivalAtVariable = "travel.arrivalAt";

    public static async Task<ArrivalView> ShowAsync(ReferralFlowDb db, PersonalDataProtector protector, string referralReference,
        Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var referral = await RecordedReferral.FindAsync(db, referralReference, ct);
        var handOff = await db.HandOffs.AsNoTracking().Where(h => h.ReferralId == referral.Id && h.Request == Request)
            .OrderByDescending(h => h.CreatedAt).FirstOrDefaultAsync(ct);
        var lastLeg = (await db.EscortLegs.AsNoTracking().Where(l => l.ReferralId == referral.Id).ToListAsync(ct))
            .OrderByDescending(l => l.DepartsAt).FirstOrDefault();
        var expected = new ExpectedArrival(PlannedAt(referral.StateJson), lastLeg?.To, handOff?.DueAt);
        if (handOff is null)
            return new ArrivalView(referral.CaseCode, "not-yet-asked", expected, null);
        if (handOff.AnsweredAt is not { } answeredAt)
            return new ArrivalView(referral.CaseCode, handOff.IsOpen ? "awaiting-confirmation" : HandOffStatusCodes.ToCode(handOff.Status), expected, null);

        var staff = await db.StaffConfirmations.AsNoTracking().SingleOrDefaultAsync(c => c.HandOffId == handOff.Id, ct);
        // Staff confirmations take precedence, so the partner's form is decrypted (and the read audited) only when shown.
        var form = staff is null ? (await ReplyAnswerReads.ForHandOffAsync(db, protector, handOff.Id, actor, now, ct))?.Fields : null;
        var confirmation = staff is not null
            ? new ArrivalConfirmation(handOff.Outcome!, staff.ConfirmedBy, handOff.Channel, answeredAt, staff.ArrivedAt, staff.Place, staff.HandedOverTo, staff.Comment)
            : new ArrivalConfirmation(handOff.Outcome!, handOff.AnsweredBy, handOff.Channel, answeredAt,
                Time(form?["arrivedAt"]), Text(form?["place"]), Text(form?["handedOverTo"]), Text(form?["comment"]));
        return new ArrivalView(referral.CaseCode, handOff.Outcome == "arrived-safely" ? "confirmed" : handOff.Outcome!, expected, confirmation);
    }

    private static DateTimeOffset? PlannedAt(string stateJson) =>
        InstanceState.Deserialize(stateJson).Variables.GetValueOrDefault(ArrivalAtVariable) is JsonValue value ? Time(value) : null;

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
