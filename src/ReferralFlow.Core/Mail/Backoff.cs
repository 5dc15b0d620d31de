namespace ReferralFlow.Core.Mail;

/// <summary>When to try a message again: 1, 2, 4, 8 … minutes after each failure, at most an hour apart, so a
/// mail server that is down for a while is not hammered and one that comes back is used within the hour.</summary>
public static class Backoff
{
    public static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <param name="failedAttempts">Failed attempts so far, counting the one that just failed (1 or more).</param>
    public static TimeSpan After(int failedAttempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failedAttempts);
        var minutes = Math.Pow(2, Math.Min(failedAttempts - 1, 30)) * First.TotalMinutes;
        return TimeSpan.FromMinutes(Math.Min(minutes, Longest.TotalMinutes));
    }
}
