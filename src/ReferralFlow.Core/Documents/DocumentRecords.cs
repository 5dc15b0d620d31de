using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Documents;

/// <summary>What a caseworker records when asking for a document. <paramref name="Authority"/> is a directory key
/// or id, or else a kind of authority with an optional country (<see cref="DocumentCodes.Authority"/>).</summary>
public sealed record DocumentInput(string Kind, string Authority, string? Number = null, DateTimeOffset? DueAt = null);

/// <summary>
/// Recording document reissue (issue 4 §4): each change is checked, then written with its history line and its
/// audit entry in one save, so the record, the history and the audit trail cannot disagree. Numbers are encrypted.
/// </summary>
public sealed class DocumentRecords(ReferralFlowDb db, PersonalDataProtector protector, Actor actor, DateTimeOffset now)
{
    public async Task<DocumentRequest> AddAsync(string referralReference, DocumentInput input, CancellationToken ct)
    {
        var kind = input.Kind.Trim().ToLowerInvariant();
        if (!DocumentKinds.All.Contains(kind))
            throw new ReferralFlowException($"Unknown document kind (--kind); use one of {string.Join(", ", DocumentKinds.All)}.");
        if (string.IsNullOrWhiteSpace(input.Authority))
            throw new ReferralFlowException("Name the issuing authority (--authority): a directory key such as a consulate's, or its name.");
        var referral = await RecordedReferral.ActiveAsync(db, referralReference, "documents", ct);
        var authority = await AuthorityAsync(input.Authority.Trim(), ct);
        var document = DocumentRequest.New(referral.Id, kind, authority.Id, authority.Id is null ? authority.Name : null, input.DueAt, now);
        db.DocumentRequests.Add(document);
        RecordHistory.Add(db, referral.Id, RecordHistory.DocumentAdded, now, actor.Name,
            $"{kind} requested from {(authority.Id is null ? "an authority outside the directory" : authority.Name)} (document {document.Id})");
        // One audit entry per save (the chain seals pending entries one key at a time): the number is part of the record.
        if (input.Number is { } number) document.NumberProtected = Protect(number);
        AuditTrail.Record(db, actor, "document.recorded", referral.Id, Subject(document), now, input.Number is null ? null : "with its number");
        await db.SaveChangesAsync(ct);
        return document;
    }

    public async Task SetNumberAsync(Guid documentId, string number, CancellationToken ct)
    {
        var document = await ActiveDocumentAsync(documentId, ct);
        document.NumberProtected = Protect(number);
        document.UpdatedAt = now;
        // Says that a number was stored, never which.
        AuditTrail.Record(db, actor, "document.number-recorded", document.ReferralId, Subject(document), now);
        await db.SaveChangesAsync(ct);
    }

    public async Task<DocumentRequest> ChangeStatusAsync(Guid documentId, string status, CancellationToken ct)
    {
        var next = DocumentStatusCodes.Parse(status);
        var document = await ActiveDocumentAsync(documentId, ct);
        var before = DocumentStatusCodes.ToCode(document.Status);
        document.ChangeStatus(next, now);
        var detail = $"{document.Kind}: {before} → {DocumentStatusCodes.ToCode(next)}";
        RecordHistory.Add(db, document.ReferralId, RecordHistory.DocumentStatus, now, actor.Name, detail);
        AuditTrail.Record(db, actor, "document.status-changed", document.ReferralId, Subject(document), now, detail);
        await db.SaveChangesAsync(ct);
        return document;
    }

    public async Task ResetDueAsync(Guid documentId, DateTimeOffset dueAt, string reason, CancellationToken ct)
    {
        var document = await ActiveDocumentAsync(documentId, ct);
        var before = document.DueAt;
        document.ResetDue(dueAt, reason, now);
        var detail = $"{document.Kind}: due {Format(before)} → {Format(dueAt)}; reason: {DocumentCodes.DueReason(reason)}";
        RecordHistory.Add(db, document.ReferralId, RecordHistory.DocumentDueReset, now, actor.Name, detail);
        AuditTrail.Record(db, actor, "document.due-reset", document.ReferralId, Subject(document), now, detail);
        await db.SaveChangesAsync(ct);
    }

    public async Task<DocumentRequirement> AddRequirementAsync(Guid documentId, string name, CancellationToken ct)
    {
        var text = name.Trim();
        if (text.Length is 0 or > 200)
            throw new ReferralFlowException("Describe the requirement in 1 to 200 characters, naming the paper (never the person).");
        var document = await ActiveDocumentAsync(documentId, ct);
        if (await db.DocumentRequirements.AnyAsync(r => r.DocumentId == documentId && r.Name == text && r.RemovedAt == null, ct))
            throw new ReferralFlowException($"The {document.Kind} already lists the requirement '{text}'.");
        var requirement = new DocumentRequirement { Id = Guid.CreateVersion7(now), DocumentId = documentId, Name = text, AddedAt = now, AddedBy = actor.Name };
        db.DocumentRequirements.Add(requirement);
        Changed(document, RecordHistory.RequirementAdded, "document.requirement-added", $"{document.Kind}: requirement '{text}' added");
        await db.SaveChangesAsync(ct);
        return requirement;
    }

    public async Task TickRequirementAsync(Guid documentId, string name, CancellationToken ct)
    {
        var (document, requirement) = await RequirementAsync(documentId, name, ct);
        requirement.Tick(now);
        Changed(document, RecordHistory.RequirementTicked, "document.requirement-ticked", $"{document.Kind}: requirement '{requirement.Name}' met");
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveRequirementAsync(Guid documentId, string name, CancellationToken ct)
    {
        var (document, requirement) = await RequirementAsync(documentId, name, ct);
        requirement.Remove(now);
        Changed(document, RecordHistory.RequirementRemoved, "document.requirement-removed", $"{document.Kind}: requirement '{requirement.Name}' removed");
        await db.SaveChangesAsync(ct);
    }

    private void Changed(DocumentRequest document, string kind, string action, string detail)
    {
        document.UpdatedAt = now;
        RecordHistory.Add(db, document.ReferralId, kind, now, actor.Name, detail);
        AuditTrail.Record(db, actor, action, document.ReferralId, Subject(document), now, detail);
    }

    private string Protect(string number) =>
        string.IsNullOrWhiteSpace(number) || number.Trim().Length > 64
            ? throw new ReferralFlowException("The document number must have 1 to 64 characters.")
            : protector.Protect(number.Trim());

    private async Task<(DocumentRequest, DocumentRequirement)> RequirementAsync(Guid documentId, string name, CancellationToken ct)
    {
        var document = await ActiveDocumentAsync(documentId, ct);
        var text = name.Trim();
        var requirements = await db.DocumentRequirements.Where(r => r.DocumentId == documentId && r.RemovedAt == null).ToListAsync(ct);
        var requirement = requirements.FirstOrDefault(r => r.Name == text)
            ?? throw new ReferralFlowException($"The {document.Kind} has no requirement '{text}'" +
                (requirements.Count == 0 ? "." : $"; it lists: {string.Join(", ", requirements.Select(r => $"'{r.Name}'"))}."));
        return (document, requirement);
    }

    private async Task<DocumentRequest> ActiveDocumentAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.DocumentRequests.SingleOrDefaultAsync(d => d.Id == documentId, ct)
            ?? throw new ReferralFlowException($"No document {documentId}; list them with 'referralflow documents list REFERRAL'.");
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == document.ReferralId, ct);
        await RecordedReferral.ActiveAsync(db, referral.Id.ToString(), "documents", ct);
        return document;
    }

    private async Task<(Guid? Id, string Name)> AuthorityAsync(string reference, CancellationToken ct)
    {
        var organisation = await PartnerDirectory.LookUpAsync(db, reference, ct);
        if (organisation is not null) return (organisation.Id, organisation.Name);
        return (null, DocumentCodes.Authority(reference));
    }

    internal static string Subject(DocumentRequest document) => $"document {document.Id}";

    private static string Format(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
