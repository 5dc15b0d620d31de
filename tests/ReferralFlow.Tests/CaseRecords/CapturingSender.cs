using ReferralFlow.Core.Mail;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>Keeps what the outbox worker would have sent.</summary>
internal sealed class CapturingSender : IEmailSender
{
    public List<OutgoingEmail> Sent { get; } = [];

    public Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        lock (Sent) Sent.Add(email);
        return Task.CompletedTask;
    }
}
