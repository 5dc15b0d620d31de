using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Partners;

public class PartnersMigrationTests
{
    private const string BeforePartners = "20261122090000_Incidents";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrading_a_database_without_the_directory_keeps_its_referrals_and_adds_an_empty_directory(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "partners_upgrade");
        var referral = TestDatabase.NewReferral(TestDatabase.Noon, "RF-2026-UPGRD");
        await using (var db = database.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforePartners);
            Assert.Contains("20261122110000_Partners", await DatabaseMigrator.PendingAsync(db, CancellationToken.None));
            // Written as that schema knew it: through SQL, not the model, which already has the new tables.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO referrals (id, case_code, workflow_id, workflow_version, status, state_json, started_at, revision, open_incidents)
                VALUES ({referral.Id}, {referral.CaseCode}, {referral.WorkflowId}, {1}, {"Active"}, {referral.StateJson},
                    {UtcDateTimeConverter.ToStore(referral.StartedAt)}, {3}, {0})
                """);
        }

        await using (var db = database.Open()) await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);

        await using (var db = database.Open())
        {
            Assert.Empty(await DatabaseMigrator.PendingAsync(db, CancellationToken.None));
            var kept = await db.Referrals.SingleAsync();
            Assert.Equal((referral.Id, "RF-2026-UPGRD", 3), (kept.Id, kept.CaseCode, kept.Revision));
            Assert.Equal(0, await db.Organisations.CountAsync() + await db.Contacts.CountAsync() + await db.PartnerAssignments.CountAsync());
        }
        Assert.True((await Directories.ImportAsync(database, Directories.Small)).Applied);
        await using (var db = database.Open())
        {
            db.PartnerAssignments.Add(new PartnerAssignment
            {
                ReferralId = referral.Id, Role = "receiving", OrganisationId = (await Directories.OrganisationAsync(database, "ro-shelter-a")).Id,
                AssignedAt = TestDatabase.Noon, AssignedBy = "test",
            });
            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_organisation_playing_a_role_cannot_be_deleted_but_its_referral_can(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "partners_keys");
        await Directories.ImportAsync(database, Directories.Small);
        var referral = TestDatabase.NewReferral(TestDatabase.Noon);
        var shelter = await Directories.OrganisationAsync(database, "ro-shelter-a");
        await using (var db = database.Open())
        {
            db.Referrals.Add(referral);
            db.PartnerAssignments.Add(new PartnerAssignment
            {
                ReferralId = referral.Id, Role = "receiving", OrganisationId = shelter.Id, AssignedAt = TestDatabase.Noon, AssignedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Open())
        {
            await Assert.ThrowsAsync<DbUpdateException>(async () =>
            {
                db.Organisations.Remove(await db.Organisations.SingleAsync(o => o.Id == shelter.Id));
                await db.SaveChangesAsync();
            });
        }
        await using (var db = database.Open())
        {
            db.Referrals.Remove(await db.Referrals.SingleAsync());
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.PartnerAssignments.CountAsync());
        }
    }
}
