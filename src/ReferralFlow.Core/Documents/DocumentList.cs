using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Documents;

public sealed record RequirementView(string Name, string Status, DateTimeOffset AddedAt, DateTimeOffset? MetAt, DateTimeOffset? RemovedAt);

public sealed record DocumentView(
    Guid Id, string Kind, string Authority, bool AuthorityInDirectory, string Status, DateTimeOffset RequestedAt,
    DateTimeOffset? DueAt, DateTimeOffset UpdatedAt, bool HasNumber, string? Number, IReadOnlyList<RequirementView> Requirements);

/// <summary>The documents of a referral with their checklists. Numbers are decrypted only when asked for, and a read
/// that decrypts any writes one "document.numbers-read" audit entry naming the documents: reading personal data leaves
/// a trace.</summary>
public static class DocumentList
{
    public static async Task<IReadOnlyList<DocumentView>> ForAsync(ReferralFlowDb db, string referralReference,
        PersonalDataProtector? revealNumbersWith, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var referral = await RecordedReferral.FindAsync(db, referralReference, ct);
        var documents = await db.DocumentRequests.AsNoTracking().Where(d => d.ReferralId == referral.Id)
            .OrderBy(d => d.RequestedAt).ThenBy(d => d.Id).ToListAsync(ct);
        var ids = documents.Select(d => d.Id).ToList();
        var requirements = (await db.DocumentRequirements.AsNoTracking().Where(r => ids.Contains(r.DocumentId)).ToListAsync(ct))
            .OrderBy(r => r.AddedAt).ThenBy(r => r.Id).ToLookup(r => r.DocumentId);
        var authorityIds = documents.Where(d => d.AuthorityOrganisationId != null).Select(d => d.AuthorityOrganisationId!.Value).Distinct().ToList();
        var authorities = await db.Organisations.AsNoTracking().Where(o => authorityIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var views = new List<DocumentView>();
        var read = new List<Guid>();
        foreach (var d in documents)
        {
            string? number = null;
            if (revealNumbersWith is not null && d.NumberProtected is { } stored)
            {
                number = revealNumbersWith.Unprotect(stored);
                read.Add(d.Id);
            }
            views.Add(new DocumentView(d.Id, d.Kind,
                d.AuthorityOrganisationId is { } a ? authorities.GetValueOrDefault(a, "(removed from the directory)") : d.AuthorityName ?? "-",
                d.AuthorityOrganisationId is not null, DocumentStatusCodes.ToCode(d.Status), d.RequestedAt, d.DueAt, d.UpdatedAt,
                d.NumberProtected is not null, number,
                [.. requirements[d.Id].Select(r => new RequirementView(r.Name,
                    r.RemovedAt is not null ? "removed" : r.MetAt is not null ? "met" : "open", r.AddedAt, r.MetAt, r.RemovedAt))]));
        }
        if (read.Count > 0)
        {
            AuditTrail.Record(db, actor, "document.numbers-read", referral.Id, $"documents of referral {referral.Id}", now,
                string.Join(", ", read.Select(id => $"document {id}")));
            await db.SaveChangesAsync(ct);
        }
        return views;
    }
}
