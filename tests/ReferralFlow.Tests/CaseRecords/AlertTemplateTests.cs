using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Tests.Mail;

namespace ReferralFlow.Tests.CaseRecords;

/// <summary>The alert raised by a recorded fact is worded as such, not as a missed deadline, word for word in English.</summary>
public class AlertTemplateTests
{
    [Theory]
    [InlineData(StaffAlert.UnfundedCost)]
    [InlineData(StaffAlert.ReTraffickingRisk)]
    [InlineData(StaffAlert.MissingChild)]
    [InlineData(StaffAlert.AirTravelLimit)]
    public void A_staff_alert_renders_with_the_alert_template_and_a_link_to_the_referral(string alert)
    {
        Assert.Equal(TemplateNames.Alert, TemplateNames.For(OutboxKinds.Escalation, alert, "coordinator"));
        Assert.Equal(TemplateNames.Alert, TemplateNames.For(OutboxKinds.Escalation, alert, "focal-point"));
        var facts = TemplateCoverageTests.Facts(alert, links: [new MessageLink("referral", new Uri("https://referrals.example.org/referrals/0192f1c4-5b2a-7d3e-9c41-2a8b6d0e4f10"))]);

        var rendered = TemplateRenderer.Render(MailHarness.Templates, TemplateNames.Alert, "en", facts);

        Approval.Verify($"Subject: {rendered.Subject}\nLanguage: {rendered.Language}\n\n--- text\n{rendered.Text}\n--- html\n{rendered.Html}\n", $"alert.{alert}.en");
    }
}
