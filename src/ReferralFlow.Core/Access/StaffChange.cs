using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Access;

/// <summary>What a change to staff users works with: Identity's managers and their database context, in one scope.</summary>
internal sealed record StaffScope(
    UserManager<StaffUser> Users, RoleManager<IdentityRole<Guid>> Roles, IUserTwoFactorRecoveryCodeStore<StaffUser> RecoveryCodes,
    ReferralFlowDb Db, DateTimeOffset Now)
{
    public AuditEntry Audit(Actor actor, string action, StaffUser user, string? detail = null) =>
        AuditTrail.Record(Db, actor, action, null, $"user {user.Id:D}", Now, detail);

    /// <summary>The user with this e-mail address (compared as Identity normalises it), or a sentence saying there is none.</summary>
    public async Task<StaffUser> UserAsync(string email) =>
        await Users.FindByEmailAsync(email.Trim())
        ?? throw new ReferralFlowException("No user has this e-mail address; list them with 'referralflow users list'.");

    /// <summary>Identity's roles table starts empty: a role's row is made the first time a user is given it.</summary>
    public async Task EnsureRolesAsync(IEnumerable<string> roles)
    {
        foreach (var role in roles)
            if (!await Roles.RoleExistsAsync(role))
                StaffErrors.ThrowIfFailed(await Roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7(Now) }));
    }
}

/// <summary>
/// One change to staff users as one transaction: Identity saves after each of its steps (create, add to roles, lock
/// out), so the steps and the audit entry recorded before the first of them commit together or not at all. A
/// concurrent change (a concurrency stamp, the audit chain's tail) is retried on a fresh scope.
/// </summary>
internal static class StaffChange
{
    private const int MaxAttempts = 5;

    public static async Task<T> RunAsync<T>(IServiceProvider services, Func<StaffScope, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralFlowDb>();
            db.Database.AutoSavepointsEnabled = false;
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(new StaffScope(
                    scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(),
                    scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(),
                    (IUserTwoFactorRecoveryCodeStore<StaffUser>)scope.ServiceProvider.GetRequiredService<IUserStore<StaffUser>>(), db, now));
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(ct);
            }
        }
    }

    /// <summary>Reads need no transaction, only the scope.</summary>
    public static async Task<T> ReadAsync<T>(IServiceProvider services, Func<ReferralFlowDb, DateTimeOffset, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<ReferralFlowDb>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
