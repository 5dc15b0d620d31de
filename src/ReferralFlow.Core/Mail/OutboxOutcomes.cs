using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Incidents;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// Records what became of a send, each in its own transaction. A row that is no longer pending was finished by
/// another worker whose lease it outlived, and is left as it is. Raising an incident changes the referral row,
/// which the engine guards with its revision: a concurrent engine step makes the save fail, and it is redone.
/// </summary>
internal static class OutboxOutcomes
{
    public static Task<OutboxStatus> SentAsync(Func<ReferralFlowDb> openDb, Guid id, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(openDb, id, (_, message) => { message.MarkSent(clock.GetUtcNow()); return Task.CompletedTask; }, ct);

    public static Task<OutboxStatus> FailedAsync(
        Func<ReferralFlowDb> openDb, Guid id, string error, int maxAttempts, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(openDb, id, async (db, message) =>
        {
            var now = clock.GetUtcNow();
            if (message.Attempts + 1 < maxAttempts)
            {
                message.RetryAt(now + Backoff.After(message.Attempts + 1), error);
                return;
            }
            await DeadLetterAsync(db, message, error, now, ct,
                $"The {message.Kind} '{message.Template}' to the '{message.Recipient}' (step '{message.StepId}') could not be " +
                $"delivered in {maxAttempts} attempts; the last error was: {error}. Check the mail server setting " +
                $"({MailSettings.Smtp}) and the '{message.Recipient}' contact's address in the partner directory.");
        }, ct);

    public static Task<OutboxStatus> DeadAsync(
        Func<ReferralFlowDb> openDb, Guid id, string reason, bool raiseIncident, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(openDb, id, (db, message) =>
            DeadLetterAsync(db, message, reason, clock.GetUtcNow(), ct, raiseIncident ? reason : null), ct);

    /// <summary>Deliberately not sent (see <see cref="OutboxStatus.NotNeeded"/>): no incident, nothing to retry.</summary>
    public static Task<OutboxStatus> NotNeededAsync(Func<ReferralFlowDb> openDb, Guid id, string reason, TimeProvider clock, CancellationToken ct) =>
        RecordAsync(openDb, id, (_, message) =>
        {
            message.NextAttemptAt = clock.GetUtcNow();
            message.SetAside(reason);
            return Task.CompletedTask;
        }, ct);

    private static async Task DeadLetterAsync(
        ReferralFlowDb db, OutboxMessage message, string error, DateTimeOffset now, CancellationToken ct, string? incident)
    {
        // A dead message has no next attempt: the column keeps the time it was given up, for the delivery status.
        message.NextAttemptAt = now;
        message.DeadLetter(error);
        if (incident is null) return;
        var referral = await db.Referrals.SingleAsync(r => r.Id == message.ReferralId, ct);
        db.Incidents.Add(new Incident
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id,
            // Not an engine token: the outbox row's id, so the incident names the message; retrying the referral
            // re-queues the message and resolves the incident (RuntimeUnit.RetryAsync).
            TokenId = message.Id,
            StepId = message.StepId, Message = incident, RaisedAt = now,
        });
        referral.IncidentRaised();
        referral.Touch();
    }

    private static Task<OutboxStatus> RecordAsync(
        Func<ReferralFlowDb> openDb, Guid id, Func<ReferralFlowDb, OutboxMessage, Task> change, CancellationToken ct) =>
        Transactions.RunAsync(openDb, Actor.Outbox, async unit =>
        {
            var db = unit.Db;
            // On PostgreSQL the row lock keeps a worker whose lease lapsed from recording the same message twice;
            // SQLite's single writer does that already.
            var message = db.IsPostgres()
                ? await db.OutboxMessages.FromSql($"SELECT * FROM outbox_messages WHERE id = {id} FOR UPDATE").SingleAsync(ct)
                : await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            if (message.Status != OutboxStatus.Pending) return message.Status;
            await change(db, message);
            // Saved here, not by the runner, to report the status the save made.
            await db.SaveChangesAsync(ct);
            return message.Status;
        }, ct);
}
