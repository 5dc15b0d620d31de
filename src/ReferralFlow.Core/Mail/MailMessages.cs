using System.Net.Mail;
using System.Net.Mime;
using System.Text;

namespace ReferralFlow.Core.Mail;

/// <summary>Builds the System.Net.Mail message both senders transmit: text and HTML alternatives, UTF-8.</summary>
internal static class MailMessages
{
    public static MailMessage Build(OutgoingEmail email)
    {
        var message = new MailMessage
        {
            From = email.From,
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(email.To);
        if (email.ReplyTo is { } replyTo) message.ReplyToList.Add(replyTo);
        // System.Net.Mail writes no Message-ID of its own; ours lets the receiver drop a retried duplicate.
        message.Headers.Add("Message-ID", email.MessageId);
        message.Headers.Add("Content-Language", email.Language);
        // RFC 3834: no out-of-office replies to a machine.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.AlternateViews.Add(View(email.Text, MediaTypeNames.Text.Plain));
        message.AlternateViews.Add(View(email.Html, MediaTypeNames.Text.Html));
        return message;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content.ReplaceLineEndings("\r\n"), Encoding.UTF8, mediaType);
        // Base64: System.Net.Mail's quoted-printable writes every line break as "=0D=0A", which RFC 2045 advises
        // against for text; base64 is decoded the same by every mail program.
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }
}
