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

    /// <param name="purpose">One of <see cref="ExportPurposes"/>: recorded in the audit entry.</param>
    public static async Task<JsonObject> ExportAsync(ReferralFlowDb db, PersonalDataProtector protector, Guid referralId,
        Actor actor, string purpose, DateTimeOffset at, CancellationToken ct = default)
    {
        if (!ExportPurposes.All.Contains(purpose, StringComparer.Ordinal))
            throw new ReferralFlowException($"Unknown export purpose '{purpose}'; use one of: {string.Join(", ", ExportPurposes.All)}.");
        if (!await db.Referrals.AnyAsync(r => r.Id == referralId, ct))
            throw new ReferralFlowException($"No referral {referralId}; list them with 'referralflow referrals list'.");

        var document = new JsonObject
        {
            ["format"] = Format,
            ["fieldNames"] = "IOM Human Trafficking Case Data Standard (HTCDS) names where one exists (cas_, org_, prs_), camelCase otherwise",
            ["exportedAt"] = ExportFields.Instant(at),
            ["exportedBy"] = actor.Name,
            ["referralId"] = referralId.ToString(),
        };
        var context = new ExportContext(db, referralId, protector, actor, at);
        foreach (var section in Sections)
        {
            if (await section.ReadAsync(context, ct) is { } content)
                document[section.Name] = content;
        }

        AuditTrail.Record(db, actor, AuditAction, referralId, "referral record", at, $"purpose: {purpose}");
        await db.SaveChangesAsync(ct);
        return document;
    }
}
