using ReferralFlow.Core;
using ReferralFlow.Core.Mail;

namespace ReferralFlow.Tests.Mail;

public class MailSettingsTests
{
    [Theory]
    [InlineData("smtp://mail.example.org:587", "mail.example.org", 587, true, null, null)]
    [InlineData("smtp://127.0.0.1:2525?tls=none", "127.0.0.1", 2525, false, null, null)]
    [InlineData("smtp://relay.example.org", "relay.example.org", 587, true, null, null)]
    [InlineData("smtp://rf%40example.org:p%3Ass%2Fw0rd@mail.example.org:587?tls=starttls", "mail.example.org", 587, true, "rf@example.org", "p:ss/w0rd")]
    public void Reads_an_SMTP_URL(string url, string host, int port, bool startTls, string? user, string? password) =>
        Assert.Equal(new SmtpSettings(host, port, startTls, user, password), SmtpSettings.Parse(url));

    [Theory]
    [InlineData("mail.example.org:587", "must start with smtp://")]
    [InlineData("smtps://mail.example.org:465", "must start with smtp://")]
    [InlineData("smtp://mail.example.org:587?tls=ssl", "tls must be starttls or none, not 'ssl'")]
    [InlineData("smtp://mail.example.org:587?security=none", "'security' is not a known option")]
    [InlineData("smtp://:secret@mail.example.org:587", "has a password but no user name")]
    [InlineData("smtp://mail.example.org:587/inbox", "must not have a path")]
    public void Refuses_a_bad_SMTP_URL_saying_what_is_wrong(string url, string reason)
    {
        var error = Assert.Throws<ReferralFlowException>(() => SmtpSettings.Parse(url));
        Assert.Contains(reason, error.Message);
        Assert.Contains("REFERRALFLOW_SMTP", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public void Never_shows_the_password()
    {
        var settings = SmtpSettings.Parse("smtp://rf:Tr0ub4dor%263@mail.example.org:587");
        Assert.Equal("smtp://rf:***@mail.example.org:587?tls=starttls", settings.ToString());

        var error = Assert.Throws<ReferralFlowException>(() => SmtpSettings.Parse("smtp://rf:Tr0ub4dor&3@mail.example.org:587?tls=maybe"));
        Assert.DoesNotContain("Tr0ub4dor", error.Message);
        Assert.Contains("smtp://rf:***@mail.example.org", error.Message);
    }

    [Fact]
    public void Reads_the_Smtp_section_when_no_URL_is_set_and_defaults_to_eml_files_beside_the_database()
    {
        var section = new Dictionary<string, string?> { ["Smtp:Host"] = "mail.example.org", ["Smtp:Port"] = "2525", ["Smtp:Tls"] = "none" };
        var fromSection = MailSettings.Read(name => section.GetValueOrDefault(name), "Data Source=/srv/rf/referralflow.db");
        Assert.Equal(new SmtpSettings("mail.example.org", 2525, false, null, null), fromSection.Server);

        var embedded = MailSettings.Read(_ => null, "Data Source=/srv/rf/referralflow.db");
        Assert.Null(embedded.Server);
        Assert.IsType<PickupEmailSender>(embedded.CreateSender());
        Assert.Equal(Path.Combine("/srv/rf", "mail"), embedded.PickupDirectory);
        Assert.Equal(MailSettings.DefaultMaxAttempts, embedded.MaxAttempts);
        Assert.Equal(Path.Combine("data", "mail"), MailSettings.Read(_ => null, "Host=db.example.org;Database=rf").PickupDirectory);
    }

    [Theory]
    [InlineData(MailSettings.MaxAttemptsSetting, "zero", "whole number from 1 to 100")]
    [InlineData(MailSettings.PublicUrlSetting, "referrals.example.org", "must be an http(s) address")]
    [InlineData(MailSettings.FromAddress, "not an address", "must be an e-mail address")]
    [InlineData("Smtp:Port", "smtp", "Smtp:Port must be a port number")]
    public void Refuses_other_bad_settings_by_name(string name, string value, string reason)
    {
        var values = new Dictionary<string, string?> { ["Smtp:Host"] = "mail.example.org", [name] = value };
        var error = Assert.Throws<ReferralFlowException>(() => MailSettings.Read(n => values.GetValueOrDefault(n), "Data Source=x.db"));
        Assert.Contains(reason, error.Message);
    }
}
