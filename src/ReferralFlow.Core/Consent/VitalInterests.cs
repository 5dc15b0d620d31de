using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Consent;

/// <summary>What a coordinator decides: share the case with <see cref="Recipient"/> for <see cref="Purpose"/> without
/// consent, for one of <see cref="VitalInterestReasons"/>. <see cref="CoordinatorId"/> is the staff user who decides.</summary>
public sealed record VitalInterestsInput(Guid ReferralId, string Recipient, string Purpose, string Reason, Guid CoordinatorId);

/// <summary>
/// Urgent sharing without consent when the person cannot give it (GDPR art. 9(2)(c), issue 9 §5). Only a coordinator
/// of the organisation that owns the referral decides it, with a reason from a closed list; the decision is audited,
/// releases the requests held for that recipient and purpose at once, and is shown on the case until the person's own
/// consent is recorded (<see cref="OpenAsync"/>). It ends by withdrawal (reason "emergency-over").
/// </summary>
public static class VitalInterests
{
    public const string AuditAction = "consent.vital-interests";

    public static Task<RecordedConsent> DecideAsync(Func<ReferralFlowDb> openDb, TimeProvider clock, VitalInterestsInput input,
        Actor actor, CancellationToken ct = default) =>
        Transactions.RunAsync(openDb, actor, unit => DecideAsync(unit.Db, clock.GetUtcNow(), input, actor, ct), ct);

    private static async Task<RecordedConsent> DecideAsync(ReferralFlowDb db, DateTimeOffset now, VitalInterestsInput input,
        Actor actor, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == input.ReferralId, ct)
            ?? throw new ReferralFlowException($"No referral {input.ReferralId}; list them with 'referralflow referrals list'.");
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}: " +
                "sharing on vital interests is for an active referral.");
        var problems = new List<string>();
        ConsentInputs.Word(problems, "purpose", input.Purpose, ConsentPurposes.All);
        ConsentInputs.Word(problems, "reason", input.Reason, VitalInterestReasons.All);
        if (problems.Count > 0) throw new ReferralFlowException(ConsentInputs.Sentence("Nothing shared: " + string.Join("; ", problems)));
        var coordinator = await CoordinatorAsync(db, referral, input.CoordinatorId, ct);
        var organisation = await PartnerDirectory.RequireAsync(db, input.Recipient, ct);

        var decision = new ConsentRecord
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, OrganisationId = organisation.Id, Purpose = input.Purpose,
            Basis = ConsentBases.VitalInterests, VitalInterestReason = input.Reason, Form = ConsentForms.None,
            GivenBy = ConsentGivers.Nobody, GuardianCosigned = false, GivenOn = DateOnly.FromDateTime(now.UtcDateTime),
            RecordedAt = now, RecordedBy = actor.Name,
        };
        db.Consents.Add(decision);
        var summary = $"{input.Purpose} to {organisation.Key} without consent, on vital interests ({input.Reason}), " +
            $"decided by coordinator {coordinator}";
        AuditTrail.Record(db, actor, AuditAction, referral.Id, $"consent {decision.Id}", now, summary);
        db.History.Add(new HistoryEntry { ReferralId = referral.Id, At = now, Kind = "vital-interests", Detail = summary, Actor = actor.Name });
        referral.Touch();
        var released = await ConsentRecording.ReleaseAsync(db, referral.Id, decision, organisation, now, actor, ct);
        await db.SaveChangesAsync(ct);
        return new RecordedConsent(decision.Id, referral.CaseCode, organisation, decision.Purpose, released);
    }

    /// <summary>The deciding user: active, a coordinator, and of the organisation that owns the referral's chain (any
    /// coordinator when the referral was started without one). Returns their user name for the record.</summary>
    private static async Task<string> CoordinatorAsync(ReferralFlowDb db, Referral referral, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && u.DisabledAt == null, ct);
        var isCoordinator = user is not null && await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).AnyAsync(name => name == StaffRoles.Coordinator, ct);
        if (user is null || !isCoordinator)
            throw new ReferralFlowException("Only a coordinator may share a case on vital interests: name an active user " +
                "with the coordinator role. Nothing was shared.");
        var owner = await ReferralAccess.OwnerAsync(db, await ReferralChain.OfAsync(db, referral.Id, ct), ct);
        if (owner is { } id && id != user.OrganisationId)
            throw new ReferralFlowException($"Only a coordinator of the organisation that owns {referral.CaseCode} may share it " +
                "on vital interests. Nothing was shared.");
        return user.UserName ?? user.Id.ToString();
    }

    /// <summary>The decisions still standing in for consent on the referral (or the one it was started from): not
    /// withdrawn, and no consent of the person's for the same recipient and purpose recorded since. Shown on the case.</summary>
    public static async Task<IReadOnlyList<ConsentSummary>> OpenAsync(ReferralFlowDb db, Guid referralId, DateTimeOffset now,
        CancellationToken ct = default)
    {
        var all = await ConsentList.OfAsync(db, referralId, now, ct);
        return [.. all.Where(c => c.Basis == ConsentBases.VitalInterests && c.WithdrawnAt is null && !all.Any(own =>
            own.Basis == ConsentBases.Consent && own.Recipient == c.Recipient && own.Purpose == c.Purpose
            && own.RecordedAt > c.RecordedAt && own.Status == "valid"))];
    }
}
