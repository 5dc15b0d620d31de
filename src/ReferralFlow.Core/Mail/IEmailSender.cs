using System.Net.Mail;

namespace ReferralFlow.Core.Mail;

/// <summary>Hands one rendered message to the world: an SMTP server, or a folder of .eml files when none is configured.
/// Throws when the message was not accepted; the outbox then retries it later.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken ct);
}

/// <param name="MessageId">Stable per outbox row (<see cref="MessageIds"/>), so a retried send is recognisable as the same message.</param>
/// <param name="ReplyTo">The sender's contact, so that a partner who answers by e-mail reaches a person, not the robot.</param>
public sealed record OutgoingEmail(
    string MessageId, MailAddress From, MailAddress? ReplyTo, MailAddress To, string Language,
    string Subject, string Text, string Html);

public static class MessageIds
{
    public static string For(Guid outboxId) => $"<{outboxId:D}@referralflow>";
}
