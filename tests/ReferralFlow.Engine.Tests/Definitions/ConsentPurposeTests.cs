using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Definitions;

/// <summary>The optional <c>consent</c> purpose of a partnerRequest (issue 4 §2), checked at load.</summary>
public class ConsentPurposeTests
{
    private const string Request =
        """{ "id": "ask", "type": "partnerRequest", "partner": "receiving", "request": "family-assessment", "outcomes": ["done"] }""";

    [Fact]
    public void A_named_purpose_overrides_the_request_kinds_default()
    {
        var doc = Wf.Minimal().Insert(Request, "done");
        doc.Step("ask")["consent"] = "refer";

        var step = Assert.IsType<PartnerRequestStep>(doc.Load().Definition!.Step("ask"));

        Assert.Equal(("refer", "refer"), (step.Consent, step.ConsentPurpose));
    }

    [Fact]
    public void Without_a_purpose_the_request_kind_decides_and_unknown_kinds_need_share_data()
    {
        var step = Assert.IsType<PartnerRequestStep>(Wf.Minimal().Insert(Request, "done").Load().Definition!.Step("ask"));

        Assert.Null(step.Consent);
        Assert.Equal("share-data", step.ConsentPurpose);
        Assert.Equal(
            ["refer", "share-data", "return", "monitoring-contact", "testify", "return", "share-data"],
            new[] { "accept-referral", "document-request", "arrival-confirmation", "monitoring-report", "court-support",
                "escort-request", "something-new" }.Select(ConsentPurposes.DefaultFor));
    }

    [Fact]
    public void An_unknown_purpose_is_reported_with_the_closest_one()
    {
        var doc = Wf.Minimal().Insert(Request, "done");
        doc.Step("ask")["consent"] = "refr";

        doc.Load().SingleIs("ask", "$.steps[3].consent", "unknown consent purpose 'refr'", "share-data, refer, return",
            "did you mean 'refer'?");
    }

    [Fact]
    public void A_request_can_need_written_and_own_consent_and_an_unknown_need_is_reported()
    {
        var doc = Wf.Minimal().Insert(Request, "done");
        doc.Step("ask")["consentNeeds"] = new System.Text.Json.Nodes.JsonArray("written", "own");
        var step = Assert.IsType<PartnerRequestStep>(doc.Load().Definition!.Step("ask"));
        Assert.Equal(["written", "own"], step.ConsentNeeds);

        doc.Step("ask")["consentNeeds"] = new System.Text.Json.Nodes.JsonArray("writen");
        doc.Load().SingleIs("ask", "$.steps[3].consentNeeds[0]", "unknown consent need 'writen'", "written, own", "did you mean 'written'?");
    }

    [Fact]
    public void Without_needs_any_valid_consent_counts()
    {
        var step = Assert.IsType<PartnerRequestStep>(Wf.Minimal().Insert(Request, "done").Load().Definition!.Step("ask"));

        Assert.Empty(step.ConsentNeeds);
    }
}
