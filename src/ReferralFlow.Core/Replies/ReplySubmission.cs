using ReferralFlow.Core.Acting;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Replies;

/// <summary>
/// A partner submits the form behind a reply link. In ONE transaction: the typed answer is stored (encrypted JSON,
/// outside the workflow's variables, with a "reply.recorded" audit entry), every link of the hand-off is spent, an outcome notice to the sending coordinator is
/// queued, and the workflow is resumed with the link's answer. Any refusal or failure leaves all of it undone.
/// </summary>
public sealed class ReplySubmission(ReferralRuntime runtime, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>The partner's words never become workflow variables; the outcome alone moves the procedure.</summary>
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoVariables = new Dictionary<string, JsonNode?>();

    /// <param name="values">The posted form fields by name; the answer itself comes from the token, never the form.</param>
    public async Task<ReplyResult> SubmitAsync(string token, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        if (await ReplyLookup.ActorAsync(runtime.OpenDb, token, ct) is not { } actor) return new ReplyResult.Unknown();
        try
        {
            return await Transactions.RunAsync(runtime.OpenDb, actor, async unit =>
            {
                var now = clock.GetUtcNow();
                var (found, refusal) = await ReplyLookup.FindAsync(unit.Db, token, now, ct);
                if (found is null) return refusal!;
                var form = ReplyFormCheck.Check(found.Token.Outcome, values, now);
                if (!form.IsValid) return new ReplyResult.Invalid(found.View, form.Errors);
                await RecordAsync(unit, found, form, now, ct);
                await runtime.ResumeInAsync(unit, found.Referral.Id,
                    new AnswerHandOff(found.HandOff.Id, found.Token.Outcome, NoVariables, unit.Actor.Name, HandOffChannels.Link), ct);
                return (ReplyResult)new ReplyResult.Recorded(found.View);
            }, ct);
        }
        catch (ConsentNeededException)
        {
            return new ReplyResult.ConsentNeeded();
        }
        catch (ReferralFlowException)
        {
            // The engine no longer waits for this answer (the step moved on in a way the row did not show yet); the
            // runner rolled everything back.
            return new ReplyResult.Closed();
        }
    }

    private async Task RecordAsync(UnitOfWork unit, FoundReply found, ReplyFormResult form, DateTimeOffset now, CancellationToken ct)
    {
        var db = unit.Db;
        var answer = ReplyAnswer.Seal(Guid.CreateVersion7(now), found.HandOff.Id, found.Token.Id, found.Token.Outcome, form.Answer, protector, now);
        db.ReplyAnswers.Add(answer);
        // Names the fields filled in, never what they say.
        AuditTrail.Record(db, unit.Actor, ReplyAnswerReads.Recorded, found.Referral.Id,
            ReplyAnswerReads.Subject(answer.Id), now,
            form.Answer.Count == 0 ? null : "fields: " + string.Join(", ", form.Answer.Select(f => f.Key)));
        foreach (var link in await db.ReplyTokens.Where(t => t.HandOffId == found.HandOff.Id && t.UsedAt == null).ToListAsync(ct))
            link.MarkUsed(now);
        // Names only ids: the mail worker renders the notice from the hand-off (what was asked, the answer given).
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now), ReferralId = found.Referral.Id, StepId = found.HandOff.StepId,
            Kind = OutboxKinds.Notice, Recipient = Partners.Recipients.Coordinator, Template = OutcomeNotice,
            HandOffId = found.HandOff.Id, PayloadJson = JsonSerializer.Serialize(new { answer = found.Token.Outcome }),
            CreatedAt = now, NextAttemptAt = now,
        });
    }

    /// <summary>The sender's template for a partner's answer (templates/outcome-notice).</summary>
    public const string OutcomeNotice = "outcome-notice";
}
