using ReferralFlow.Core.Mail;

namespace ReferralFlow.Tests.Mail;

/// <summary>An <see cref="IEmailSender"/> that keeps what it was given, for tests that only need to know who got what.</summary>
public sealed class CapturingSender : IEmailSender
{
    public List<OutgoingEmail> Sent { get; } = [];

    public Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        lock (Sent) Sent.Add(email);
        return Task.CompletedTask;
    }
}
