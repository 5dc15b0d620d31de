using ReferralFlow.Core.Acting;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Documents;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>Document reissue (issue 4 §4): guarded statuses, a checklist that changes while it runs, due dates that move
/// only with a reason, and document numbers that exist only encrypted and are read only with an audit entry.</summary>
public class DocumentRecordsTests
{
    private const string Number = "PX-7741-QZ-2209";

    [Fact]
    public async Task A_document_number_is_stored_encrypted_its_recording_and_each_read_are_audited()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "documents-number");
        var referral = await h.StartAsync();
        DocumentRequest document;
        await using (var db = h.Open())
            document = await new DocumentRecords(db, h.Protector, RecordsHarness.Staff, h.Now)
                .AddAsync(referral.CaseCode, new DocumentInput("passport", "consulate:NG", Number), default);

        await using (var db = h.Open())
        {
            var stored = await db.DocumentRequests.SingleAsync();
            Assert.NotNull(stored.NumberProtected);
            Assert.DoesNotContain(Number, stored.NumberProtected);
            var recorded = await db.AuditEntries.SingleAsync();
            Assert.Equal(("document.recorded", $"document {document.Id}", "with its number"), (recorded.Action, recorded.Subject, recorded.Detail));
            Assert.DoesNotContain(await db.AuditEntries.ToListAsync(), e => (e.Detail ?? "").Contains(Number) || e.Subject.Contains(Number));
            Assert.DoesNotContain(await db.History.ToListAsync(), e => (e.Detail ?? "").Contains(Number));
        }
        await using (var db = h.Open())
        {
            var hidden = await DocumentList.ForAsync(db, referral.CaseCode, null, RecordsHarness.Staff, h.Now, default);
            Assert.Null(Assert.Single(hidden).Number);
            Assert.True(hidden[0].HasNumber);
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == "document.numbers-read"));
            var shown = await DocumentList.ForAsync(db, referral.CaseCode, h.Protector, RecordsHarness.Staff, h.Now, default);
            Assert.Equal(Number, Assert.Single(shown).Number);
        }
        await using (var db = h.Open())
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "document.numbers-read" && e.ReferralId == referral.Id && e.Detail == $"document {document.Id}"));
        // Nowhere in the database file, not even in a page of the write-ahead log.
        var bytes = Encoding.UTF8.GetBytes(Number);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(SqlitePath(h))!))
            Assert.False(Contains(await File.ReadAllBytesAsync(file), bytes), $"{file} holds the document number");
    }

    [Fact]
    public async Task Status_changes_follow_the_allowed_path_and_a_refusal_is_final()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "documents-status");
        var referral = await h.StartAsync();
        Guid id;
        await using (var db = h.Open())
            id = (await Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("id-card", "consulate:RO"), default)).Id;

        foreach (var status in new[] { "more-information-asked", "requested", "issued", "collected" })
            await using (var db = h.Open()) await Records(db, h).ChangeStatusAsync(id, status, default);
        await using (var db = h.Open())
        {
            var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).ChangeStatusAsync(id, "issued", default));
            Assert.Contains("it is collected, nothing follows", error.Message);
            Assert.Equal(4, await db.History.CountAsync(e => e.Kind == RecordHistory.DocumentStatus));
            Assert.Equal("id-card: issued → collected", (await db.History.Where(e => e.Kind == RecordHistory.DocumentStatus).OrderBy(e => e.Id).ToListAsync())[^1].Detail);
        }

        Guid refused;
        await using (var db = h.Open())
            refused = (await Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("passport", "Consulate"), default)).Id;
        await using (var db = h.Open()) await Records(db, h).ChangeStatusAsync(refused, "refused", default);
        await using (var db = h.Open())
        {
            var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).ChangeStatusAsync(refused, "issued", default));
            Assert.Contains("a refusal is final: record a new document request", error.Message);
            var skipping = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).ChangeStatusAsync(id, "paid", default));
            Assert.Contains("Unknown document status 'paid'", skipping.Message);
        }
        await using (var db = h.Open())
        {
            var requested = (await Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("birth-certificate", "civil-registry:RO"), default)).Id;
            var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).ChangeStatusAsync(requested, "collected", default));
            Assert.Contains("from requested it can become more-information-asked or issued or refused", error.Message);
        }
    }

    [Fact]
    public async Task Requirements_added_ticked_and_removed_while_it_runs_are_kept_in_history_and_audit()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "documents-checklist");
        var referral = await h.StartAsync();
        Guid id;
        await using (var db = h.Open())
            id = (await Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("travel-document", "consulate:RS"), default)).Id;

        await using (var db = h.Open()) await Records(db, h).AddRequirementAsync(id, "two photos", default);
        h.Runtime.Clock.Advance(TimeSpan.FromDays(3));
        await using (var db = h.Open()) await Records(db, h).AddRequirementAsync(id, "police certificate in the consulate's form", default);
        await using (var db = h.Open()) await Records(db, h).TickRequirementAsync(id, "two photos", default);
        await using (var db = h.Open()) await Records(db, h).RemoveRequirementAsync(id, "police certificate in the consulate's form", default);

        await using (var db = h.Open())
        {
            var view = Assert.Single(await DocumentList.ForAsync(db, referral.Id.ToString(), null, RecordsHarness.Staff, h.Now, default));
            Assert.Equal(["two photos:met", "police certificate in the consulate's form:removed"], view.Requirements.Select(r => $"{r.Name}:{r.Status}"));
            Assert.Equal(
                [RecordHistory.RequirementAdded, RecordHistory.RequirementAdded, RecordHistory.RequirementTicked, RecordHistory.RequirementRemoved],
                await db.History.Where(e => e.ReferralId == referral.Id && e.Kind.StartsWith("document-requirement")).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
            Assert.Equal(["document.requirement-added", "document.requirement-added", "document.requirement-ticked", "document.requirement-removed"],
                await db.AuditEntries.Where(e => e.Action.StartsWith("document.requirement")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
            var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).TickRequirementAsync(id, "birth certificate", default));
            Assert.Contains("has no requirement 'birth certificate'; it lists: 'two photos'", error.Message);
        }
    }

    [Fact]
    public async Task The_due_date_moves_only_with_a_reason_which_the_history_keeps()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "documents-due");
        var referral = await h.StartAsync();
        Guid id;
        await using (var db = h.Open())
            id = (await Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("passport", "Consulate", DueAt: h.Now.AddDays(20)), default)).Id;

        await using (var db = h.Open())
        {
            var error = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).ResetDueAsync(id, h.Now.AddDays(40), "  ", default));
            Assert.Contains("Give the reason", error.Message);
        }
        await using (var db = h.Open())
            Assert.Equal(h.Now.AddDays(20), (await db.DocumentRequests.SingleAsync()).DueAt);

        await using (var db = h.Open()) await Records(db, h).ResetDueAsync(id, h.Now.AddDays(40), "more-papers-requested", default);
        await using (var db = h.Open())
        {
            Assert.Equal(h.Now.AddDays(40), (await db.DocumentRequests.SingleAsync()).DueAt);
            var entry = await db.History.SingleAsync(e => e.Kind == RecordHistory.DocumentDueReset);
            Assert.Equal("passport: due 2027-01-24 09:00 UTC → 2027-02-13 09:00 UTC; reason: more-papers-requested", entry.Detail);
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "document.due-reset"));
        }
    }

    [Fact]
    public async Task The_authority_is_a_directory_organisation_when_its_key_is_given_and_free_text_otherwise()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "documents-authority");
        var referral = await h.StartAsync();
        await using (var db = h.Open())
        {
            db.Organisations.Add(new Organisation { Id = Guid.NewGuid(), Key = "ng-consulate-paris", Name = "Consulate General of Nigeria, Paris", Kind = "consulate", Country = "FR" });
            await db.SaveChangesAsync();
        }
        await using (var db = h.Open())
        {
            await Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("temporary-passport", "ng-consulate-paris"), default);
            h.Runtime.Clock.Advance(TimeSpan.FromMinutes(1));
            await Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("birth-certificate", "Civil-Registry:ng"), default);
        }
        await using (var db = h.Open())
        {
            var views = await DocumentList.ForAsync(db, referral.CaseCode, null, RecordsHarness.Staff, h.Now, default);
            Assert.Equal(["Consulate General of Nigeria, Paris:True", "civil-registry:NG:False"], views.Select(v => $"{v.Authority}:{v.AuthorityInDirectory}"));
        }
    }

    [Fact]
    public async Task Nothing_is_recorded_on_a_closed_referral_or_with_an_unknown_kind()
    {
        await using var h = await RecordsHarness.CreateAsync("sqlite", "documents-refused");
        var referral = await h.StartAsync();
        await using (var db = h.Open())
        {
            var unknown = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("visa", "Consulate"), default));
            Assert.Contains("Unknown document kind (--kind); use one of passport", unknown.Message);
        }
        await h.Runtime.Runtime.WithdrawAsync(referral.Id, Actor.Operator("test"));
        await using (var db = h.Open())
        {
            var closed = await Assert.ThrowsAsync<ReferralFlowException>(() => Records(db, h).AddAsync(referral.CaseCode, new DocumentInput("passport", "Consulate"), default));
            Assert.Contains("is withdrawn: documents can only be recorded on an active referral", closed.Message);
        }
        await using (var db = h.Open())
        {
            Assert.Equal(0, await db.DocumentRequests.CountAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync());
        }
    }

    private static DocumentRecords Records(Core.Persistence.ReferralFlowDb db, RecordsHarness h) => new(db, h.Protector, RecordsHarness.Staff, h.Now);

    private static string SqlitePath(RecordsHarness h) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(h.Runtime.Database.ConnectionString).DataSource;

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
