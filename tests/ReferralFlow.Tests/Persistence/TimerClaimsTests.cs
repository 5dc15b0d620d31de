using ReferralFlow.Engine.Execution;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Timers;

namespace ReferralFlow.Tests.Persistence;

public class TimerClaimsTests
{
    private static readonly DateTimeOffset Now = TestDatabase.Noon;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_owners_claiming_in_turns_get_every_due_timer_once_and_no_future_one(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "claims");
        var (due, future) = await SeedAsync(database, dueCount: 50, futureCount: 10);

        var claims = new List<(string Owner, Guid Id)>();
        var sizes = new List<int>();
        var owners = new[] { "worker-a", "worker-b" };
        for (var turn = 0; ; turn++)
        {
            await using var db = database.Open();
            var owner = owners[turn % 2];
            var batch = await TimerClaims.ClaimDueAsync(db, owner, Now, 20, Lease, CancellationToken.None);
            Assert.True(batch.Count <= 20);
            if (batch.Count == 0) break;
            sizes.Add(batch.Count);
            claims.AddRange(batch.Select(id => (owner, id)));
        }

        var claimed = claims.Select(c => c.Id).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(due.OrderBy(id => id), claimed.OrderBy(id => id));
        Assert.Empty(claimed.Intersect(future));
        Assert.Equal([20, 20, 10], sizes);
        Assert.Equal(30, claims.Count(c => c.Owner == "worker-a"));

        await using var check = database.Open();
        var leased = await check.Timers.AsNoTracking().Where(t => t.LeaseOwner != null).ToListAsync();
        Assert.Equal(50, leased.Count);
        Assert.All(leased, t => Assert.Equal(Now + Lease, t.LeaseExpiresAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claims_are_handed_out_in_due_order(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "claim_order");
        var (due, _) = await SeedAsync(database, dueCount: 30, futureCount: 0);

        await using var db = database.Open();
        var first = await TimerClaims.ClaimDueAsync(db, "worker-a", Now, 10, Lease, CancellationToken.None);

        // SeedAsync makes due[i] due i minutes before now: the ten oldest are the last ten.
        Assert.Equal(due.TakeLast(10).OrderBy(id => id), first.OrderBy(id => id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_workers_never_claim_the_same_timer(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "claims_race");
        var (due, _) = await SeedAsync(database, dueCount: 200, futureCount: 10);

        var workers = Enumerable.Range(1, 4).Select(n => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            while (true)
            {
                await using var db = database.Open();
                var batch = await TimerClaims.ClaimDueAsync(db, $"worker-{n}", Now, 7, Lease, CancellationToken.None);
                if (batch.Count == 0) return mine;
                mine.AddRange(batch);
            }
        })).ToList();
        var claimed = (await Task.WhenAll(workers)).SelectMany(ids => ids).ToList();

        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(due.OrderBy(id => id), claimed.OrderBy(id => id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_expired_lease_passes_to_another_owner_and_the_old_owner_can_no_longer_consume(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "claims_lease");
        var (due, _) = await SeedAsync(database, dueCount: 1, futureCount: 0);
        var timerId = due.Single();

        await using (var db = database.Open())
        {
            Assert.Equal([timerId], await TimerClaims.ClaimDueAsync(db, "worker-a", Now, 10, Lease, CancellationToken.None));
            Assert.Empty(await TimerClaims.ClaimDueAsync(db, "worker-b", Now + Lease / 2, 10, Lease, CancellationToken.None));
            Assert.Equal([timerId], await TimerClaims.ClaimDueAsync(db, "worker-b", Now + Lease, 10, Lease, CancellationToken.None));
        }

        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.False(await TimerClaims.TryConsumeAsync(db, timerId, "worker-a", CancellationToken.None));
            await transaction.RollbackAsync();
        }

        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.True(await TimerClaims.TryConsumeAsync(db, timerId, "worker-b", CancellationToken.None));
            await transaction.CommitAsync();
        }

        await using var check = database.Open();
        Assert.Empty(await check.Timers.ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Due_times_in_any_offset_compare_and_sort_as_instants_in_linq(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "due_order");
        var referral = TestDatabase.NewReferral(Now);
        var plusTwo = TimeSpan.FromHours(2);
        // 13:30+02:00 is 11:30 UTC: due, and before 11:45 UTC even though its local text sorts later.
        var timers = new[]
        {
            Timer(referral.Id, new DateTimeOffset(2026, 11, 22, 11, 45, 0, TimeSpan.Zero)),
            Timer(referral.Id, new DateTimeOffset(2026, 11, 22, 13, 30, 0, plusTwo)),
            Timer(referral.Id, new DateTimeOffset(2026, 11, 22, 14, 15, 0, plusTwo)),
        };
        await using (var db = database.Open())
        {
            db.Referrals.Add(referral);
            db.Timers.AddRange(timers);
            await db.SaveChangesAsync();
        }

        await using var read = database.Open();
        var dueNow = await read.Timers.Where(t => t.DueAt <= Now).OrderBy(t => t.DueAt).Select(t => t.Id).ToListAsync();
        Assert.Equal([timers[1].Id, timers[0].Id], dueNow);
        var stored = await read.Timers.SingleAsync(t => t.Id == timers[2].Id);
        Assert.Equal(timers[2].DueAt, stored.DueAt);
        Assert.Equal(TimeSpan.Zero, stored.DueAt.Offset);
    }

    private static DurableTimer Timer(Guid referralId, DateTimeOffset dueAt) => new()
    {
        Id = Guid.NewGuid(), ReferralId = referralId, TokenId = Guid.NewGuid(), StepId = "ask-shelter",
        Purpose = TimerPurpose.Due, DueAt = dueAt,
    };

    /// <summary>Due timers i minutes (1..n) before <see cref="Now"/>, future ones i minutes after.</summary>
    private static async Task<(List<Guid> Due, List<Guid> Future)> SeedAsync(TestDatabase database, int dueCount, int futureCount)
    {
        await using var db = database.Open();
        var referral = TestDatabase.NewReferral(Now);
        db.Referrals.Add(referral);
        var due = Enumerable.Range(1, dueCount).Select(i => Timer(referral.Id, Now.AddMinutes(-i))).ToList();
        var future = Enumerable.Range(1, futureCount).Select(i => Timer(referral.Id, Now.AddMinutes(i))).ToList();
        db.Timers.AddRange(due);
        db.Timers.AddRange(future);
        await db.SaveChangesAsync();
        return (due.Select(t => t.Id).ToList(), future.Select(t => t.Id).ToList());
    }
}
