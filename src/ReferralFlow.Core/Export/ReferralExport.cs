using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Export;

/// <summary>
/// A referral's whole record as one JSON document, for a lawful hand-over or a person's access request. Reading it
/// is a read of personal data, so the export is audited — and the audit entry commits before the document is
/// returned: an export that was not recorded is never handed out.
/// </summary>
public static class ReferralExport
{
    public const string Format = "referralflow-export/1";
    public const string AuditAction = "referral.exported";

    /// <summary>Sections in the order they are written. Features add theirs here.</summary>
    public static IReadOnlyList<IExportSection> Sections { get; } =
    [
        new CaseSection(),
        new PersonSection(),
        new ConsentsSection(),
        new FormsSection(),
        new CaseRecordsSection(),
        new TasksSection(),
        new HandOffsSection(),
        new HistorySection(),
    ];

    /// <param name="purpose">One of <see cref="ExportPurposes"/>: recorded in the audit entry; decides the sections.</param>
    /// <param name="leaveOutForms">Form ids to leave out (a transfer only); each must be a form submitted on the referral.</param>
    public static async Task<JsonObject> ExportAsync(ReferralFlowDb db, PersonalDataProtector protector, Guid referralId,
        Actor actor, string purpose, DateTimeOffset at, CancellationToken ct = default, IReadOnlyList<string>? leaveOutForms = null)
    {
        if (!ExportPurposes.All.Contains(purpose, StringComparer.Ordinal))
            throw new ReferralFlowException($"Unknown export purpose '{purpose}'; use one of: {string.Join(", ", ExportPurposes.All)}.");
        if (!await db.Referrals.AnyAsync(r => r.Id == referralId, ct))
            throw new ReferralFlowException($"No referral {referralId}; list them with 'referralflow referrals list'.");
        var leftOutForms = await LeftOutFormsAsync(db, referralId, purpose, leaveOutForms ?? [], ct);

        var document = new JsonObject
        {
            ["format"] = Format,
            ["fieldNames"] = "IOM Human Trafficking Case Data Standard (HTCDS) names where one exists (cas_, org_, prs_), camelCase otherwise",
            ["exportedAt"] = ExportFields.Instant(at),
            ["exportedBy"] = actor.Name,
            ["purpose"] = purpose,
            ["referralId"] = referralId.ToString(),
        };
        var context = new ExportContext(db, referralId, protector, actor, at) { LeftOutForms = leftOutForms };
        var leftOut = new JsonArray();
        foreach (var section in Sections)
        {
            if (!ExportPurposes.Carries(purpose, section.Name))
                leftOut.Add(new JsonObject { ["section"] = section.Name, ["why"] = $"not part of a {purpose}" });
            else if (await section.ReadAsync(context, ct) is { } content)
                document[section.Name] = content;
        }
        foreach (var form in leftOutForms.Order(StringComparer.Ordinal))
            leftOut.Add(new JsonObject { ["section"] = "forms", ["form"] = form, ["why"] = "left out on request: it travels as a separate document" });
        document["leftOut"] = leftOut;

        var detail = $"purpose: {purpose}" + (leftOutForms.Count > 0 ? $"; forms left out: {string.Join(", ", leftOutForms.Order(StringComparer.Ordinal))}" : "");
        AuditTrail.Record(db, actor, AuditAction, referralId, "referral record", at, detail);
        await db.SaveChangesAsync(ct);
        return document;
    }

    private static async Task<IReadOnlySet<string>> LeftOutFormsAsync(ReferralFlowDb db, Guid referralId, string purpose,
        IReadOnlyList<string> requested, CancellationToken ct)
    {
        if (requested.Count == 0) return new HashSet<string>();
        if (!ExportPurposes.MayLeaveOutForms(purpose))
            throw new ReferralFlowException($"An export for '{purpose}' is owed the whole record: only a '{ExportPurposes.Transfer}' " +
                "can leave forms out. Nothing was exported.");
        var submitted = await db.FormSubmissions.AsNoTracking().Where(s => s.ReferralId == referralId)
            .Select(s => s.FormId).Distinct().ToListAsync(ct);
        var unknown = requested.Where(f => !submitted.Contains(f)).ToList();
        if (unknown.Count > 0)
            throw new ReferralFlowException($"No form {string.Join(", ", unknown.Select(f => $"'{f}'"))} was submitted on this referral, so " +
                "it cannot be left out; " + (submitted.Count == 0 ? "it has no forms." : $"its forms are: {string.Join(", ", submitted.Order(StringComparer.Ordinal))}.") +
                " Nothing was exported.");
        return requested.ToHashSet(StringComparer.Ordinal);
    }
}
