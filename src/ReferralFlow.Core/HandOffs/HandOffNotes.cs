using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Queries;

namespace ReferralFlow.Core.HandOffs;

/// <summary>Reads the staff notes of a hand-off's timeline: decrypted only when asked for, and every read audited
/// (one entry per read of a hand-off's notes), like any read of personal data.</summary>
public static class HandOffNotes
{
    public static async Task<HandOffDetails> ReadAsync(ReferralFlowDb db, HandOffDetails details, PersonalDataProtector protector,
        Actor actor, DateTimeOffset at, CancellationToken ct = default)
    {
        if (!details.Events.Any(e => e.HasNote)) return details;
        var ids = details.Events.Where(e => e.HasNote).Select(e => e.Id).ToList();
        var notes = await db.HandOffEvents.AsNoTracking().Where(e => ids.Contains(e.Id))
            .ToDictionaryAsync(e => e.Id, e => e.ProtectedNote!, ct);
        var read = details with
        {
            Events = [.. details.Events.Select(e => e.HasNote ? e with { Note = protector.Unprotect(notes[e.Id]) } : e)],
        };
        AuditTrail.Record(db, actor, HandOffProgress.NoteRead, details.HandOff.ReferralId, $"hand-off {details.HandOff.Id:D} notes", at,
            $"{ids.Count} note(s)");
        await db.SaveChangesAsync(ct);
        return read;
    }
}
