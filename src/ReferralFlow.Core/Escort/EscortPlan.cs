using ReferralFlow.Core.Acting;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.People;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Escort;

public sealed record LegInput(string From, string To, string Mode, DateTimeOffset DepartsAt, string Escort, string? Contact = null);

public sealed record LegView(Guid Id, string From, string To, string Mode, DateTimeOffset DepartsAt, string Escort, bool EscortInDirectory,
    bool HasContact, string? Contact);

/// <summary>
/// Planning the escorted journey leg by leg. The practice constraint it enforces: an air leg is refused when the
/// person will be pregnant beyond the airline limit on the day of that leg (F23, REQ-55), with a message that says so
/// and what to do — the weeks come from the risk assessment through <see cref="IPregnancyRecord"/>.
/// </summary>
public sealed class EscortPlan(ReferralFlowDb db, PersonalDataProtector protector, IPregnancyRecord pregnancies, AirTravelLimits limits,
    Actor actor, DateTimeOffset now)
{
    public async Task<EscortLeg> AddLegAsync(string referralReference, LegInput input, CancellationToken ct)
    {
        var mode = input.Mode.Trim().ToLowerInvariant();
        if (!TravelModes.All.Contains(mode))
            throw new ReferralFlowException($"Unknown travel mode '{input.Mode}'; use one of {string.Join(", ", TravelModes.All)}.");
        foreach (var (name, value) in new[] { ("--from", input.From), ("--to", input.To), ("--escort", input.Escort) })
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 200)
                throw new ReferralFlowException($"Give {name} in 1 to 200 characters (a place or organisation, never the shelter's address).");
        var referral = await RecordedReferral.ActiveAsync(db, referralReference, "escort legs", ct);
        // Places are shown to partners in messages (issue 9 §3): a name typed there is refused before anything is stored.
        await PersonMentionCheck.RefuseAsync(db, protector, referral.Id,
            [("The place the leg starts from (--from)", input.From), ("The place the leg goes to (--to)", input.To), ("The escort (--escort)", input.Escort)], ct);
        if (mode == TravelModes.Air && await pregnancies.LatestAsync(db, referral.Id, ct) is { } assessed)
        {
            var weeks = AirTravelLimits.WeeksOn(assessed, input.DepartsAt);
            if (weeks >= limits.PregnancyWeeks)
                throw new ReferralFlowException(
                    $"The air leg {input.From.Trim()} → {input.To.Trim()} on {input.DepartsAt.UtcDateTime:yyyy-MM-dd} is refused: the person will be " +
                    $"{weeks} weeks pregnant that day, and airlines do not carry passengers from week {limits.PregnancyWeeks} on. " +
                    "Plan the leg by rail, road or sea, or an earlier flight (with a fit-to-fly certificate).");
        }
        var escort = input.Escort.Trim();
        var organisation = await PartnerDirectory.LookUpAsync(db, escort, ct);
        var leg = new EscortLeg
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, From = input.From.Trim(), To = input.To.Trim(), Mode = mode,
            DepartsAt = input.DepartsAt, EscortOrganisationId = organisation?.Id, EscortName = organisation is null ? escort : null,
            EscortContactProtected = input.Contact is { Length: > 0 } contact ? protector.Protect(contact.Trim()) : null,
            PlannedAt = now, PlannedBy = actor.Name,
        };
        db.EscortLegs.Add(leg);
        RecordHistory.Add(db, referral.Id, RecordHistory.EscortLegPlanned, now, actor.Name,
            $"{mode} leg {leg.From} → {leg.To}, departs {leg.DepartsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, " +
            $"escort {organisation?.Name ?? escort} (leg {leg.Id})");
        if (leg.EscortContactProtected is not null)
            AuditTrail.Record(db, actor, "escort.contact-recorded", referral.Id, $"escort leg {leg.Id}", now);
        await db.SaveChangesAsync(ct);
        return leg;
    }

    /// <summary>The legs in order of departure; contacts decrypted (and audited) only when asked for.</summary>
    public async Task<IReadOnlyList<LegView>> PlanAsync(string referralReference, bool revealContacts, CancellationToken ct)
    {
        var referral = await RecordedReferral.FindAsync(db, referralReference, ct);
        var legs = await db.EscortLegs.AsNoTracking().Where(l => l.ReferralId == referral.Id).ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var views = new List<LegView>();
        var read = new List<Guid>();
        foreach (var l in legs.OrderBy(l => l.DepartsAt).ThenBy(l => l.Id))
        {
            string? contact = null;
            if (revealContacts && l.EscortContactProtected is { } stored)
            {
                contact = protector.Unprotect(stored);
                read.Add(l.Id);
            }
            views.Add(new LegView(l.Id, l.From, l.To, l.Mode, l.DepartsAt,
                l.EscortOrganisationId is { } o ? names.GetValueOrDefault(o, "-") : l.EscortName ?? "-", l.EscortOrganisationId is not null,
                l.EscortContactProtected is not null, contact));
        }
        if (read.Count > 0)
        {
            // One entry for the read, naming each leg (the chain takes one pending entry per save).
            AuditTrail.Record(db, actor, "escort.contacts-read", referral.Id, $"escort plan of referral {referral.Id}", now,
                string.Join(", ", read.Select(id => $"escort leg {id}")));
            await db.SaveChangesAsync(ct);
        }
        return views;
    }
}
