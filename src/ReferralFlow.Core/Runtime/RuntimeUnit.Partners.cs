using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Corridor;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Incidents;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Runtime;

internal sealed partial class RuntimeUnit
{
    /// <summary>What the directory system assigns as, in the assignment and its history entry.</summary>
    public const string DirectoryActor = "directory";

    // Requests whose partner nobody plays and the directory could not find, with the incident message: their
    // request is written dead-lettered, so 'referrals retry' sends it once someone is assigned.
    private readonly Dictionary<Guid, string> unaddressed = [];

    /// <summary>
    /// A partnerRequest with a <c>find</c>: when no organisation plays its role in the referral (or a parent), the
    /// directory's best match is assigned in this same transaction, with a history entry saying where it came from.
    /// An assignment made by hand always wins over the query.
    /// </summary>
    private async Task FindPartnerAsync(Referral referral, HandOffRequested e, DateTimeOffset now, CancellationToken ct)
    {
        if (e.Search is not { } search) return;
        if (await PartnerAssignments.OrganisationForAsync(db, referral.Id, e.Partner, ct) is not null) return;
        if (await SearchDirectoryAsync(referral, e.StepId, e.Partner, search, now, ct) is { } reason)
            unaddressed[e.HandOffId] = reason;
    }

    /// <summary>Assigns the directory's best match for the query to the role, or records a partnership gap where the
    /// place is known and nobody serves it; null when assigned, else what the incident says.</summary>
    private async Task<string?> SearchDirectoryAsync(Referral referral, string stepId, string partner, PartnerSearch search,
        DateTimeOffset now, CancellationToken ct)
    {
        var found = search.PlaceKnown
            ? await PartnerDirectory.FindAsync(db, search.Country!, search.Service, search.Kind, ct, search.Region, search.City)
            : null;
        if (found is null)
        {
            if (search.PlaceKnown) await RecordGapAsync(referral, stepId, search, now, ct);
            return CorridorFacts.NotKnownYet(search, referral, stepId) ??
                $"The directory query of step '{stepId}' found nobody to play '{partner}': it asks for {search.Describe()} with a " +
                $"contact authorised to accept referrals, and the directory has none. Assign an organisation with 'referralflow partners assign {referral.CaseCode} " +
                $"--role {partner} --organisation ID' (candidates: 'referralflow partners list --kind {search.Kind} --service {search.Service}{PlaceOptions(search)}'), " +
                $"then 'referralflow referrals retry {referral.CaseCode}' sends the request.";
        }
        db.PartnerAssignments.Add(new PartnerAssignment
        {
            ReferralId = referral.Id, Role = partner, OrganisationId = found.Id, AssignedAt = now, AssignedBy = DirectoryActor,
        });
        // The receiving role is mirrored on the referral, as an assignment by hand mirrors it.
        if (partner == PartnerAssignments.ReceivingRole) referral.HandTo(found.Id);
        history.Add(new HistoryEntry
        {
            ReferralId = referral.Id, At = now, Kind = PartnerAssignments.HistoryKind, StepId = stepId, Actor = DirectoryActor,
            Detail = $"{partner}: {found.Name} ({found.Key}), found by the directory query {search.Describe()}",
        });
        return null;
    }

    /// <summary>Once per referral, step and place: asking again (a retry, a loop back to the step) is the same gap.</summary>
    private async Task RecordGapAsync(Referral referral, string stepId, PartnerSearch search, DateTimeOffset now, CancellationToken ct)
    {
        var country = search.Country!.ToUpperInvariant();
        bool Same(PartnershipGap g) => g.ReferralId == referral.Id && g.StepId == stepId && g.Country == country
            && g.Region == search.Region && g.City == search.City;
        if (db.PartnershipGaps.Local.Any(Same)
            || await db.PartnershipGaps.AnyAsync(g => g.ReferralId == referral.Id && g.StepId == stepId && g.Country == country
                && g.Region == search.Region && g.City == search.City, ct))
            return;
        db.PartnershipGaps.Add(new PartnershipGap
        {
            Id = Guid.CreateVersion7(now), RecordedAt = now, ReferralId = referral.Id, CaseCode = referral.CaseCode,
            StepId = stepId, Country = country, Region = search.Region, City = search.City, Service = search.Service, Kind = search.Kind,
        });
    }

    private static string PlaceOptions(PartnerSearch search) =>
        search.Region is null && search.City is null ? ""
            : $" --country {search.Country}" + (search.Region is { } region ? $" --region \"{region}\"" : "") +
              (search.City is { } city ? $" --city \"{city}\"" : "");

    /// <summary>The request of a hand-off whose partner could not be found is given up at once, with an incident on
    /// its step: the incident names the message, so retrying the referral queues it again.</summary>
    private void HoldUnaddressed(Referral referral, OutboxMessage message, DateTimeOffset now)
    {
        if (message.Kind != OutboxKinds.Request || message.HandOffId is not { } handOffId
            || !unaddressed.TryGetValue(handOffId, out var reason)) return;
        message.DeadLetter(reason);
        db.Incidents.Add(new Incident
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, TokenId = message.Id, StepId = message.StepId,
            Message = reason, RaisedAt = now,
        });
        referral.IncidentRaised();
    }
}
