using System.Net.Mail;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// The embedded default when no SMTP server is configured: each message becomes <c>{outbox id}.eml</c> in a folder
/// (./data/mail), readable by any mail program. Named by the outbox id, a retried message overwrites its own file
/// instead of appearing twice.
/// </summary>
public sealed class PickupEmailSender(string directory) : IEmailSender
{
    public string Directory => directory;

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(directory);
        // SmtpClient names pickup files with a random GUID: let it write into a private folder, then move the
        // one file under its stable name. The move is atomic, so readers never see half a message.
        var scratch = Path.Combine(directory, $".writing-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(scratch);
        try
        {
            using (var message = MailMessages.Build(email))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = scratch })
                await client.SendMailAsync(message, ct);
            var written = System.IO.Directory.GetFiles(scratch, "*.eml").Single();
            File.Move(written, Path.Combine(directory, FileName(email.MessageId)), overwrite: true);
        }
        finally
        {
            System.IO.Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary><c>&lt;id@referralflow&gt;</c> → <c>id.eml</c>.</summary>
    public static string FileName(string messageId) => messageId.Trim('<', '>').Split('@')[0] + ".eml";
}
