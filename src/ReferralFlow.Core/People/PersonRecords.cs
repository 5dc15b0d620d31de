using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.People;

/// <summary>The person's data as caseworkers see it, with the referral that holds the record (a sub-procedure such as
/// monitoring shares its parent's person).</summary>
public sealed record PersonView(Guid HeldBy, string HeldByCaseCode, PersonalData Data, DateTimeOffset RecordedAt, DateTimeOffset? ChangedAt);

/// <summary>
/// Recording, reading and correcting the person's data. Each writes its audit entry (person.recorded, person.read,
/// person.updated) into the same unit of work as the change or read it describes; the entries name the record and the
/// fields concerned, never their content.
/// </summary>
public static class PersonRecords
{
    public const string Subject = "person";

    /// <summary>Adds the record of a new referral to the caller's unit of work (saved with it).</summary>
    public static void Add(ReferralFlowDb db, PersonalDataProtector protector, Guid referralId, PersonalData data,
        Actor actor, DateTimeOffset at)
    {
        db.PersonRecords.Add(PersonRecord.Seal(referralId, data, protector, at));
        AuditTrail.Record(db, actor, "person.recorded", referralId, Subject, at, "fields: " + string.Join(", ", data.FilledFields()));
    }

    /// <summary>The person of the referral (or of the parent it belongs to), decrypted, with a person.read entry; null
    /// when no person has been recorded, in which case nothing was read and nothing is audited.</summary>
    public static async Task<PersonView?> ReadAsync(ReferralFlowDb db, PersonalDataProtector protector, Guid referralId,
        Actor actor, DateTimeOffset at, CancellationToken ct = default)
    {
        if (await FindAsync(db, referralId, ct) is not { } found) return null;
        var data = found.Record.Open(protector);
        AuditTrail.Record(db, actor, "person.read", referralId, Subject, at,
            found.Record.ReferralId == referralId ? null : $"recorded on {found.CaseCode}");
        await db.SaveChangesAsync(ct);
        return new PersonView(found.Record.ReferralId, found.CaseCode, data, found.Record.RecordedAt, found.Record.ChangedAt);
    }

    /// <summary>Records the person of a referral that has none yet, or replaces the whole record (the referral's own, or
    /// its parent's when that holds it). Returns the audit action written.</summary>
    public static async Task<string> SaveAsync(ReferralFlowDb db, PersonalDataProtector protector, Guid referralId,
        PersonalData data, Actor actor, DateTimeOffset at, CancellationToken ct = default)
    {
        string action;
        if (await FindAsync(db, referralId, ct) is { } found)
        {
            var changed = data.ChangedFrom(found.Record.Open(protector));
            found.Record.Replace(data, protector, at);
            action = "person.updated";
            AuditTrail.Record(db, actor, action, found.Record.ReferralId, Subject, at,
                changed.Count == 0 ? "no field changed" : "changed: " + string.Join(", ", changed));
        }
        else
        {
            Add(db, protector, referralId, data, actor, at);
            action = "person.recorded";
        }
        await db.SaveChangesAsync(ct);
        return action;
    }

    /// <summary>The person's data for a machine comparison (<see cref="PersonMentionCheck"/>): decrypted, never shown or
    /// stored, so no person.read entry; null when no person is recorded.</summary>
    internal static async Task<PersonalData?> OpenForCheckAsync(ReferralFlowDb db, PersonalDataProtector protector, Guid referralId,
        CancellationToken ct) =>
        await FindAsync(db, referralId, ct) is { } found ? found.Record.Open(protector) : null;

    private static async Task<(PersonRecord Record, string CaseCode)?> FindAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct)
    {
        for (Guid? current = referralId; current is { } id;)
        {
            var record = await db.PersonRecords.SingleOrDefaultAsync(p => p.ReferralId == id, ct);
            var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == id)
                .Select(r => new { r.CaseCode, r.ParentReferralId }).SingleOrDefaultAsync(ct)
                ?? throw new ReferralFlowException($"No referral {id}; list them with 'referralflow referrals list'.");
            if (record is not null) return (record, referral.CaseCode);
            current = referral.ParentReferralId;
        }
        return null;
    }
}
