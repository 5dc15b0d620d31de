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
        var found = search.Country is { } country
            ? await PartnerDirectory.FindAsync(db, country, search.Service, search.Kind, ct)
            : null;
        if (found is null)
        {
            if (search.Country is { } place)
                db.PartnershipGaps.Add(new PartnershipGap
                {
                    Id = Guid.CreateVersion7(now), RecordedAt = now, ReferralId = referral.Id, CaseCode = referral.CaseCode,
                    StepId = e.StepId, Country = place.ToUpperInvariant(), Service = search.Service, Kind = search.Kind,
                });
            unaddressed[e.HandOffId] =
                $"The directory query of step '{e.StepId}' found nobody to play '{e.Partner}': it asks for {search.Describe()} with a " +
                $"contact authorised to accept referrals, and the directory has none. Assign an organisation with 'referralflow partners assign {referral.CaseCode} " +
                $"--role {e.Partner} --organisation ID' (candidates: 'referralflow partners list --kind {search.Kind} --service {search.Service}'), " +
                $"then 'referralflow referrals retry {referral.CaseCode}' sends the request.";
            return;
        }
        db.PartnerAssignments.Add(new PartnerAssignment
        {
            ReferralId = referral.Id, Role = e.Partner, OrganisationId = found.Id, AssignedAt = now, AssignedBy = DirectoryActor,
        });
        // The receiving role is mirrored on the referral, as an assignment by hand mirrors it.
        if (e.Partner == PartnerAssignments.ReceivingRole) referral.HandTo(found.Id);
        history.Add(new HistoryEntry
        {
            ReferralId = referral.Id, At = now, Kind = PartnerAssignments.HistoryKind, StepId = e.StepId, Actor = DirectoryActor,
            Detail = $"{e.Partner}: {found.Name} ({found.Key}), found by the directory query {search.Describe()}",
        });
    }

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
