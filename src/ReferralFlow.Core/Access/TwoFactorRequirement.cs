using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Access;

/// <summary>Two-factor sign-in is required of every role that can read the person's data. An administrator may lift the
/// requirement only on a deployment that runs with demo data; the change is audited.</summary>
public static class TwoFactorRequirement
{
    public const string Setting = "two-factor-required";

    public static bool AppliesTo(StaffMember member) => StaffRoles.ReadingPersonalData.Any(member.Roles.Contains);

    public static async Task<bool> IsLiftedAsync(ReferralFlowDb db, CancellationToken ct) =>
        await db.NetworkSettings.AsNoTracking().Where(s => s.Name == Setting).Select(s => s.Value).SingleOrDefaultAsync(ct) == "false";

    public static async Task SetAsync(ReferralFlowDb db, bool required, bool demoDeployment, Actor actor, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!required && !demoDeployment)
            throw new ReferralFlowException("Two-factor sign-in can be lifted only for a demo (a deployment running with demo data).");
        var value = required ? "true" : "false";
        var setting = await db.NetworkSettings.SingleOrDefaultAsync(s => s.Name == Setting, ct);
        if (setting is null)
            db.NetworkSettings.Add(new NetworkSetting { Name = Setting, Value = value, ChangedAt = now, ChangedBy = actor.Name });
        else
        {
            setting.Value = value;
            setting.ChangedAt = now;
            setting.ChangedBy = actor.Name;
        }
        AuditTrail.Record(db, actor, required ? "two-factor.required" : "two-factor.lifted", null, Setting, now);
        await db.SaveChangesAsync(ct);
    }
}
