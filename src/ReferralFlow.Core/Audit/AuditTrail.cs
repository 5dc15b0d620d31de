using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Audit;

/// <summary>Writes audit entries into the caller's unit of work: they commit with the change they describe, or not at
/// all. The chain (sequence and hashes) is sealed when the context saves (<see cref="AuditChain"/>).</summary>
public static class AuditTrail
{
    private static long recorded;

    public static AuditEntry Record(ReferralFlowDb db, Actor actor, string action, Guid? referralId, string subject,
        DateTimeOffset at, string? detail = null)
    {
        var order = Interlocked.Increment(ref recorded);
        var entry = new AuditEntry
        {
            Sequence = -order, RecordedOrder = order,
            At = at, Actor = actor.Name, Source = actor.Source, Action = action,
            ReferralId = referralId, Subject = subject, Detail = detail,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
