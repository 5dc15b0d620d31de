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
        { "request-moved", "accept-referral", null },
        { "forward-notice", "accept-referral", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void English_render_matches_the_approved_text(string template, string request, string? answer)
    {
        // Staff-facing messages link to the referral; partner-facing ones carry one link per answer.
        IReadOnlyList<MessageLink>? links = template is "escalation" or "outcome-notice" or "forward-notice"
            ? [new MessageLink("referral", new Uri("https://referrals.example.org/referrals/0192f1c4-5b2a-7d3e-9c41-2a8b6d0e4f10"))]
            : template is "notice" or "consent-withdrawn" or "request-moved" ? [] : null;
        var facts = TemplateCoverageTests.Facts(request, answer, links) with { Facts = StepFacts(template) };
        var rendered = TemplateRenderer.Render(MailHarness.Templates, template, "en", facts);

        Approval.Verify(
            $"Subject: {rendered.Subject}\nLanguage: {rendered.Language}\n\n--- text\n{rendered.Text}\n--- html\n{rendered.Html}\n",
            $"{template}.en");
    }

    /// <summary>What the shipped procedures' steps declare for these messages (issue 9 §3); the other templates render
    /// as a step without facts does.</summary>
    private static IReadOnlyList<MessageFact> StepFacts(string template) => template switch
    {
        "escort-request" or "arrival-confirmation" or "notice" =>
        [
            MessageFact.DateTime("departure-at", new DateTimeOffset(2027, 3, 2, 6, 40, 0, TimeSpan.FromHours(1))),
            MessageFact.Place("departure-place", "Milano Malpensa"),
            MessageFact.FlightNumber("flight-number", "az1234"),
            MessageFact.DateTime("arrival-at", new DateTimeOffset(2027, 3, 2, 10, 5, 0, TimeSpan.FromHours(2))),
        ],
        "document-request" => [MessageFact.DocumentList("documents", ["passport", "birth-certificate"])],
        _ => [],
    };
}
