using System.Net.Mail;
using ReferralFlow.Core.Mail;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Mail;

public class PickupSenderTests
{
    [Fact]
    public async Task Without_an_SMTP_server_each_message_is_one_eml_file_named_by_its_outbox_id()
    {
        using var folder = new TempDirectory();
        var sender = new PickupEmailSender(folder.Combine("mail"));
        var id = Guid.NewGuid();
        var email = new OutgoingEmail(MessageIds.For(id), new MailAddress("no-reply@referralflow.example.org"),
            new MailAddress("referrals@astra.example.org"), new MailAddress("accueil@foyer.example.org", "Foyer Lumière"), "fr",
            "RF-2027-7KQ3M : délai", "Chères et chers collègues,\n", "<p>Chères et chers collègues,</p>");

        await sender.SendAsync(email, default);
        // A retry after a crash between sending and recording writes the same file again, not a second one.
        await sender.SendAsync(email, default);

        var file = Assert.Single(Directory.GetFiles(folder.Combine("mail")));
        Assert.Equal($"{id}.eml", Path.GetFileName(file));
        Assert.Empty(Directory.GetDirectories(folder.Combine("mail")));
        var mail = MailFile.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal((MessageIds.For(id), "RF-2027-7KQ3M : délai", "fr"), (mail.MessageId, mail.Subject, mail.Headers["content-language"]));
        Assert.Equal("Chères et chers collègues,", mail.Text.TrimEnd());
        Assert.Contains("<p>Chères et chers collègues,</p>", mail.Html);
        Assert.Contains("referrals@astra.example.org", mail.Headers["reply-to"]);
    }
}
