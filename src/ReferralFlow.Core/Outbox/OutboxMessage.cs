namespace ReferralFlow.Core.Outbox;

/// <summary>A message written in the engine step's transaction and delivered after commit, so no e-mail leaves
/// for a change that rolled back. The payload names the template and ids only, never personal data.</summary>
public sealed class OutboxMessage
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required string StepId { get; init; }

    /// <summary>One of <see cref="OutboxKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The role or target the message is for, resolved to an address at delivery.</summary>
    public required string Recipient { get; init; }
    public required string Template { get; init; }
    public Guid? HandOffId { get; init; }
    public required string PayloadJson { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public OutboxStatus Status { get; private set; } = OutboxStatus.Pending;
    public int Attempts { get; private set; }
    public required DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        EnsurePending("mark as sent");
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = at;
        LastError = null;
    }

    public void RetryAt(DateTimeOffset nextAttemptAt, string error)
    {
        EnsurePending("retry");
        Attempts++;
        NextAttemptAt = nextAttemptAt;
        LastError = error;
    }

    public void DeadLetter(string error)
    {
        EnsurePending("dead-letter");
        Attempts++;
        Status = OutboxStatus.Dead;
        LastError = error;
    }

    /// <summary>Not to be sent after all, and no failure: <paramref name="reason"/> says why (kept in LastError).</summary>
    public void SetAside(string reason)
    {
        EnsurePending("set aside");
        Status = OutboxStatus.NotNeeded;
        LastError = reason;
    }

    /// <summary>A dead-lettered message goes back to the queue once its cause is fixed (<c>referrals retry</c>):
    /// due now, with a full set of attempts, as if it had just been written.</summary>
    public void Requeue(DateTimeOffset at)
    {
        if (Status != OutboxStatus.Dead)
            throw new InvalidOperationException(
                $"Cannot re-queue outbox message {Id}: it is {Status.ToString().ToLowerInvariant()}, not dead-lettered.");
        Status = OutboxStatus.Pending;
        Attempts = 0;
        NextAttemptAt = at;
        LastError = null;
    }

    private void EnsurePending(string action)
    {
        if (Status != OutboxStatus.Pending)
            throw new InvalidOperationException(
                $"Cannot {action} outbox message {Id}: it is already {Status.ToString().ToLowerInvariant()}.");
    }
}
