using ReferralFlow.Core.Acting;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Core.HandOffs;

/// <summary>What staff report about an open hand-off: its new sub-status, how the news came (a partner's call, an
/// e-mail; none when staff saw it themselves) and an optional note.</summary>
public sealed record ProgressReport(Guid HandOffId, string SubStatus, string? Channel = null, string? Note = null);

/// <summary>
/// Records progress on an open hand-off (<c>handoffs progress</c>): in ONE transaction the sub-status (and, when it
/// means the work started, FHIR "in-progress"), an attributed <see cref="HandOffEvent"/> and a history entry. The
/// procedure does not move: progress is not an answer. The free-text note is encrypted and its writing audited, as
/// it may name people.
/// </summary>
public sealed class HandOffProgress(Func<ReferralFlowDb> openDb, TimeProvider clock, PersonalDataProtector? protector = null)
{
    public const string HistoryKind = "handoff-progress";
    public const string NoteRecorded = "handoff-note.recorded";
    public const string NoteRead = "handoff-note.read";
    private const int MaxNoteLength = 2000;

    /// <summary>The channels staff may name: every way an answer reaches us except the link, which is the partner's own.</summary>
    public static readonly IReadOnlyList<string> StaffChannels = HandOffChannels.Staff;

    public async Task<HandOffEvent> RecordAsync(ProgressReport report, Actor actor, CancellationToken ct = default)
    {
        var subStatus = HandOffSubStatuses.Parse(report.SubStatus);
        var channel = Channel(report.Channel);
        var note = string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim();
        if (note is { Length: > MaxNoteLength })
            throw new ReferralFlowException($"The note is {note.Length} characters long; keep it under {MaxNoteLength}.");
        if (note is not null && protector is null)
            throw new InvalidOperationException("A note needs the personal-data protector: it is stored encrypted.");

        return await Transactions.RunAsync(openDb, actor, async unit =>
        {
            var db = unit.Db;
            var handOff = await db.HandOffs.SingleOrDefaultAsync(h => h.Id == report.HandOffId, ct)
                ?? throw new ReferralFlowException($"No hand-off {report.HandOffId}; list them with 'referralflow handoffs list'.");
            var referral = await db.Referrals.SingleAsync(r => r.Id == handOff.ReferralId, ct);
            if (!handOff.IsOpen || referral.Status != ReferralStatus.Active)
                throw new ReferralFlowException($"Hand-off '{handOff.Title}' of {referral.CaseCode} is " +
                    $"{HandOffStatusCodes.ToCode(handOff.Status)}{(handOff.Outcome is { } o ? $" ({o})" : "")}: progress is recorded on open " +
                    "hand-offs only; see its timeline with 'referralflow handoffs show'.");
            if (handOff.SubStatus == subStatus && note is null)
                throw new ReferralFlowException($"Hand-off '{handOff.Title}' of {referral.CaseCode} is already {subStatus}: " +
                    "nothing to record (add --note to record news without a change).");

            var now = clock.GetUtcNow();
            handOff.Progress(subStatus);
            // The revision orders this write against the runtime's: an answer recorded meanwhile makes it fail, and
            // the retry finds the hand-off closed.
            referral.Touch();
            var recorded = actor.Attribution(channel)
                .Record(handOff, HandOffChanges.Progress, now, note is null ? null : protector!.Protect(note));
            db.HandOffEvents.Add(recorded);
            db.History.Add(new HistoryEntry
            {
                ReferralId = referral.Id, At = now, Kind = HistoryKind, StepId = handOff.StepId,
                Detail = channel is null ? subStatus : $"{subStatus} ({channel})", Actor = actor.Name,
            });
            if (note is not null)
                AuditTrail.Record(db, actor, NoteRecorded, referral.Id, $"hand-off {handOff.Id:D} note", now, subStatus);
            return recorded;
        }, ct);
    }

    private static string? Channel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var channel = text.Trim().ToLowerInvariant();
        if (StaffChannels.Contains(channel, StringComparer.Ordinal)) return channel;
        throw new ReferralFlowException(channel == HandOffChannels.Link
            ? "The link channel is the partner's own: staff record progress heard by phone, in-person or email."
            : $"Unknown channel '{text}'" + (Engine.Typos.Closest(channel, StaffChannels) is { } close
                ? $"; did you mean '{close}'?" : $"; use one of: {string.Join(", ", StaffChannels)}."));
    }
}
