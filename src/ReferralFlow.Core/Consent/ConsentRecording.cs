using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Consent;

/// <summary>What <c>consent record</c> is given. <see cref="Recipient"/> is the directory id (or GUID) of the
/// organisation; <see cref="GivenOn"/> defaults to the clock's day.</summary>
public sealed record ConsentInput(
    Guid ReferralId, string Recipient, string Purpose, string Form, string GivenBy, bool GuardianCosigned,
    DateOnly? GivenOn = null, DateOnly? ExpiresOn = null);

/// <summary>What recording did: the consent, and how many held requests it let go.</summary>
public sealed record RecordedConsent(Guid Id, string CaseCode, Organisation Organisation, string Purpose, int Released);

/// <summary>
/// Records a consent (audited, in the referral's history) and, in the same transaction, releases the requests the
/// gate held for that recipient and purpose in the referral and the referrals started from it: each message is
/// queued for delivery and its "consent needed" task closed. Invalid input changes nothing.
/// </summary>
public static class ConsentRecording
{
    public static Task<RecordedConsent> RecordAsync(Func<ReferralFlowDb> openDb, TimeProvider clock, ConsentInput input,
        Actor actor, CancellationToken ct = default) =>
        Transactions.RunAsync(openDb, actor, unit => RecordAsync(unit.Db, clock.GetUtcNow(), input, actor, ct), ct);

    private static async Task<RecordedConsent> RecordAsync(ReferralFlowDb db, DateTimeOffset now, ConsentInput input, Actor actor, CancellationToken ct)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == input.ReferralId, ct)
            ?? throw new ReferralFlowException($"No referral {input.ReferralId}; list them with 'referralflow referrals list'.");
        if (referral.Status != ReferralStatus.Active)
            throw new ReferralFlowException($"Referral {referral.CaseCode} is {referral.Status.ToString().ToLowerInvariant()}: " +
                "record consent on an active referral (a monitoring or court referral started from it, if any).");
        var organisation = await PartnerDirectory.RequireAsync(db, input.Recipient, ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var givenOn = input.GivenOn ?? today;
        ConsentInputs.Check(input, givenOn, today);
        if (await ChildStatus.IsChildAsync(db, referral.Id, ct) && input.GivenBy != ConsentGivers.Guardian && !input.GuardianCosigned)
            throw new ReferralFlowException($"Referral {referral.CaseCode} concerns a child: a consent given by the {input.GivenBy} needs " +
                "the guardian's co-signature (add --guardian-cosigned once the guardian has signed), or record the guardian's own " +
                "consent (--given-by guardian). Nothing was recorded.");

        var consent = new ConsentRecord
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, OrganisationId = organisation.Id, Purpose = input.Purpose,
            Form = input.Form, GivenBy = input.GivenBy, GuardianCosigned = input.GuardianCosigned, GivenOn = givenOn,
            ExpiresOn = input.ExpiresOn, RecordedAt = now, RecordedBy = actor.Name,
        };
        db.Consents.Add(consent);
        var summary = $"{input.Purpose} to {organisation.Key}, {input.Form}, given by {input.GivenBy}" +
            (input.GuardianCosigned ? ", co-signed by the guardian" : "") + (input.ExpiresOn is { } last ? $", until {last:yyyy-MM-dd}" : "");
        AuditTrail.Record(db, actor, "consent.recorded", referral.Id, $"consent {consent.Id}", now, summary);
        db.History.Add(new HistoryEntry { ReferralId = referral.Id, At = now, Kind = "consent-recorded", Detail = summary, Actor = actor.Name });
        referral.Touch();

        var released = await ReleaseAsync(db, referral.Id, consent, organisation, now, actor, ct);
        await db.SaveChangesAsync(ct);
        return new RecordedConsent(consent.Id, referral.CaseCode, organisation, consent.Purpose, released);
    }

    internal static async Task<int> ReleaseAsync(ReferralFlowDb db, Guid referralId, ConsentRecord consent, Organisation organisation,
        DateTimeOffset now, Actor actor, CancellationToken ct)
    {
        var referrals = await ConsentCoverage.DescendantsAsync(db, referralId, ct);
        var held = await db.HeldRequests
            .Where(h => referrals.Contains(h.ReferralId) && h.Status == HeldRequestStatus.Held && h.Purpose == consent.Purpose)
            .OrderBy(h => h.HeldAt).ToListAsync(ct);
        var released = 0;
        foreach (var request in held)
        {
            // The role may have been given to another organisation, or the request forwarded, since it was held.
            if ((await HandOffs.HandOffAddressee.OrganisationAsync(db, request.HandOffId, ct))?.Id != organisation.Id) continue;
            if (await ConsentCoverage.ValidAsync(db, request.ReferralId, organisation.Id, consent.Purpose, now, request.ConsentNeeds, ct) is null) continue;
            request.Release(consent.Id, now);
            db.OutboxMessages.Add(ConsentGate.Released(request, now));
            var task = await db.Tasks.SingleAsync(t => t.Id == request.TaskId, ct);
            task.Complete(ConsentGate.ReleasedOutcome, now, actor.Name);
            db.History.Add(new HistoryEntry
            {
                ReferralId = request.ReferralId, At = now, Kind = "request-released", StepId = request.StepId, Actor = actor.Name,
                Detail = $"'{request.Template}' to {ConsentCoverage.Describe(organisation)} queued: consent for '{consent.Purpose}' recorded",
            });
            if (request.ReferralId != referralId) (await db.Referrals.SingleAsync(r => r.Id == request.ReferralId, ct)).Touch();
            released++;
        }
        return released;
    }
}

/// <summary>Checks of the words a caseworker types, each failing with what to type instead.</summary>
internal static class ConsentInputs
{
    public static void Check(ConsentInput input, DateOnly givenOn, DateOnly today)
    {
        var problems = new List<string>();
        Word(problems, "purpose", input.Purpose, ConsentPurposes.All);
        Word(problems, "form", input.Form, ConsentForms.All);
        Word(problems, "given-by", input.GivenBy, ConsentGivers.All);
        if (givenOn > today) problems.Add($"the consent cannot be given in the future ({givenOn:yyyy-MM-dd}; today is {today:yyyy-MM-dd})");
        if (input.ExpiresOn is { } last && last < givenOn) problems.Add($"it cannot expire ({last:yyyy-MM-dd}) before it was given ({givenOn:yyyy-MM-dd})");
        else if (input.ExpiresOn is { } past && past < today) problems.Add($"it already expired ({past:yyyy-MM-dd}); give the date of the new consent's expiry");
        if (problems.Count > 0) throw new ReferralFlowException(Sentence("Consent not recorded: " + string.Join("; ", problems)));
    }

    /// <summary>Ends the message with a full stop unless it ends with a question already.</summary>
    public static string Sentence(string text) => text.EndsWith('?') ? text : text + ".";

    public static void Word(List<string> problems, string option, string value, IReadOnlyList<string> allowed)
    {
        if (!allowed.Contains(value))
            problems.Add($"--{option} '{value}' is not known" + Suggestions.Hint(value, [.. allowed]));
    }

}
