using System.Net;
using System.Net.Mail;

namespace ReferralFlow.Core.Mail;

/// <summary>Sends over SMTP with System.Net.Mail (MailKit is not available here; see DESIGN.md §1). No retries of
/// its own: a failure leaves the outbox row pending and the delivery worker tries again later.</summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    /// <summary>Short enough that a dead server does not hold a batch's claim for long.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        using var message = MailMessages.Build(email);
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            // EnableSsl on SmtpClient means STARTTLS after EHLO; implicit TLS (port 465) is not supported by it.
            EnableSsl = settings.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)Timeout.TotalMilliseconds,
            UseDefaultCredentials = false,
            Credentials = settings.User is { } user ? new NetworkCredential(user, settings.Password) : null,
        };
        await client.SendMailAsync(message, ct);
    }
}
