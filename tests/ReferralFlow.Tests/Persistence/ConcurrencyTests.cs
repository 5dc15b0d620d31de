using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Tests.Persistence;

public class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Second_writer_of_the_same_revision_gets_a_concurrency_exception(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "concurrency");
        var referral = TestDatabase.NewReferral(TestDatabase.Noon);
        await using (var db = database.Open())
        {
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
        }

        await using var first = database.Open();
        await using var second = database.Open();
        var mine = await first.Referrals.SingleAsync(r => r.Id == referral.Id);
        var theirs = await second.Referrals.SingleAsync(r => r.Id == referral.Id);

        mine.StateJson = """{"by":"first"}""";
        mine.Touch();
        await first.SaveChangesAsync();

        theirs.StateJson = """{"by":"second"}""";
        theirs.Touch();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.Open();
        var stored = await check.Referrals.SingleAsync(r => r.Id == referral.Id);
        Assert.Equal(("""{"by":"first"}""", 1), (stored.StateJson, stored.Revision));
    }
}
