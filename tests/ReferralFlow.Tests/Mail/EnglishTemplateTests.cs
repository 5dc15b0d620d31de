using ReferralFlow.Core.Mail;

namespace ReferralFlow.Tests.Mail;

/// <summary>The English messages, word for word: a change to a template or to the renderer shows up as a diff
/// against Approved/*.verified.txt.</summary>
public class EnglishTemplateTests
{
    public static readonly TheoryData<string, string, string?> Cases = new()
    {
        { "accept-referral", "accept-referral", null },
        { "document-request", "document-request", null },
        { "escort-request", "escort-request", null },
        { "arrival-confirmation", "arrival-confirmation", null },
        { "monitoring-report", "monitoring-report", null },
        { "court-support", "witness-protection-request", null },
        { "partner-request", "family-assessment", null },
        { "reminder", "accept-referral", null },
        { "escalation", "accept-referral", null },
        { "outcome-notice", "accept-referral", "declined" },
        { "consent-withdrawn", "consent-withdrawn", null },
        { "notice", "departure-notice", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void English_render_matches_the_approved_text(string template, string request, string? answer)
    {
        // Staff-facing messages link to the referral; partner-facing ones carry one link per answer.
        IReadOnlyList<MessageLink>? links = template is "escalation" or "outcome-notice"
            ? [new MessageLink("referral", new Uri("https://referrals.example.org/referrals/0192f1c4-5b2a-7d3e-9c41-2a8b6d0e4f10"))]
            : template is "notice" or "consent-withdrawn" ? [] : null;
        var rendered = TemplateRenderer.Render(MailHarness.Templates, template, "en", TemplateCoverageTests.Facts(request, answer, links));

        Approval.Verify(
            $"Subject: {rendered.Subject}\nLanguage: {rendered.Language}\n\n--- text\n{rendered.Text}\n--- html\n{rendered.Html}\n",
            $"{template}.en");
    }
}
