using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.People;

/// <summary>
/// Refuses, where a caseworker or partner types a place or a code that is stored in clear (an escort leg, an arrival
/// confirmation, a workflow variable), a value that mentions the person: their record (or the parent referral's) and
/// the numbers of the documents recorded for them are decrypted in memory for the comparison only. Nothing is shown or
/// stored, so the comparison is not a "person.read" of the record.
/// </summary>
public static class PersonMentionCheck
{
    /// <summary>Throws <see cref="ReferralFlowException"/> naming the first field that mentions the person.</summary>
    public static async Task RefuseAsync(ReferralFlowDb db, PersonalDataProtector protector, Guid referralId,
        IEnumerable<(string Field, string? Value)> values, CancellationToken ct)
    {
        var typed = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToList();
        if (typed.Count == 0) return;
        var person = await PersonRecords.OpenForCheckAsync(db, protector, referralId, ct);
        // Documents recorded on the referral or on those it belongs to (a monitoring or court sub-procedure's parent).
        var lineage = new List<Guid>();
        for (Guid? current = referralId; current is { } id && !lineage.Contains(id);)
        {
            lineage.Add(id);
            current = await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => r.ParentReferralId).SingleOrDefaultAsync(ct);
        }
        var numbers = (await db.DocumentRequests.AsNoTracking()
                .Where(d => lineage.Contains(d.ReferralId) && d.NumberProtected != null).Select(d => d.NumberProtected!).ToListAsync(ct))
            .Select(protector.Unprotect).ToList();
        if (person is null && numbers.Count == 0) return;
        var subject = person ?? new PersonalData { FullName = "" };
        foreach (var (field, value) in typed)
            if (PersonMentions.Find(subject, numbers, value!) is { } found)
                throw new ReferralFlowException(PersonMentions.Refusal(field, found));
    }
}
