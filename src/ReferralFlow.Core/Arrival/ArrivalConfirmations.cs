using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.People;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Arrival;

public sealed record ConfirmationInput(DateTimeOffset ArrivedAt, string Place, string HandedOverTo, string ConfirmedBy,
    string Channel = HandOffChannels.Phone, string? Comment = null);

/// <summary>
/// Staff record an arrival the receiving side confirmed outside the reply page. In one transaction: the facts are
/// checked by the reply form's rules, stored, and the waiting arrival-confirmation request is answered "arrived-safely",
/// so its escalation ladder stops and the procedure moves on to monitoring.
/// </summary>
public sealed class ArrivalConfirmations(ReferralRuntime runtime, Actor actor, TimeProvider clock)
{
    public const string Arrived = "arrived-safely";

    public async Task<StaffConfirmation> ConfirmAsync(string referralReference, ConfirmationInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var form = ReplyFormCheck.Check(Arrived, new Dictionary<string, string?>
        {
            ["arrivedAt"] = input.ArrivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["place"] = input.Place, ["handedOverTo"] = input.HandedOverTo, ["comment"] = input.Comment,
        }, now);
        var problems = form.Errors.Values.ToList();
        if (string.IsNullOrWhiteSpace(input.ConfirmedBy) || input.ConfirmedBy.Trim().Length > ReplyFormCheck.MaxText)
            problems.Add($"Say who confirmed (--by): organisation and role, in 1 to {ReplyFormCheck.MaxText} characters.");
        if (problems.Count > 0) throw new ReferralFlowException(string.Join(" ", problems));

        return await Transactions.RunAsync(runtime.OpenDb, actor, async unit =>
        {
            var db = unit.Db;
            var referral = await RecordedReferral.ActiveAsync(db, referralReference, "an arrival", ct);
            var handOff = (await db.HandOffs.AsNoTracking()
                    .Where(h => h.ReferralId == referral.Id && h.Request == ArrivalRecord.Request && h.AnsweredAt == null).ToListAsync(ct))
                .FirstOrDefault(h => h.IsOpen)
                ?? throw new ReferralFlowException($"Referral {referral.CaseCode} is not waiting for an arrival confirmation; see 'referralflow arrival show {referral.CaseCode}'.");
            if (runtime.Protector is { } protector)
                await PersonMentionCheck.RefuseAsync(db, protector, referral.Id,
                    [("The place of arrival (--place)", input.Place), ("Whom the person was handed over to (--handed-over-to)", input.HandedOverTo),
                        ("Who confirmed (--by)", input.ConfirmedBy)], ct);
            var confirmation = new StaffConfirmation
            {
                Id = Guid.CreateVersion7(now), HandOffId = handOff.Id, ArrivedAt = DateTimeOffset.Parse(form.Answer["arrivedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                Place = form.Answer["place"]!.GetValue<string>(), HandedOverTo = form.Answer["handedOverTo"]!.GetValue<string>(),
                ConfirmedBy = input.ConfirmedBy.Trim(), Comment = form.Answer["comment"]?.GetValue<string>(), RecordedAt = now, RecordedBy = actor.Name,
            };
            db.StaffConfirmations.Add(confirmation);
            await db.SaveChangesAsync(ct);
            await runtime.ResumeInAsync(unit, referral.Id, new AnswerHandOff(handOff.Id, Arrived, new Dictionary<string, JsonNode?>(), actor.Name, input.Channel), ct);
            return confirmation;
        }, ct);
    }
}
