using System.Globalization;
using System.Text.Json.Nodes;
using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Web.Demo;

/// <summary>A small caseload on the shipped procedures, each referral at a different stage.</summary>
internal static class DemoCaseload
{
    public static IReadOnlyList<DemoScenario> Scenarios(DateTimeOffset now) =>
    [
        // Just referred by the police; the 48-hour identification deadline has already passed.
        new("transnational-return", TimeSpan.FromDays(3), []),

        // Chose to return; waiting for the receiving organisation to accept the referral.
        new("transnational-return", TimeSpan.FromDays(9),
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "ngo"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "medium"),
            new("informed-choice", "return"),
        ]),

        // Accepted after one question from the partner; documents issued and travel booked, pre-departure calls open.
        new("transnational-return", TimeSpan.FromDays(40),
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "police"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "low"),
            new("informed-choice", "return"),
            new("accept-referral", "needs-information", Channel: HandOffChannels.Email),
            new("answer-partner-question", "answered"),
            new("accept-referral", "accepted", Channel: HandOffChannels.Phone),
            new("request-travel-documents", "issued", Channel: HandOffChannels.Link),
            DemoMove.Sets("book-travel", "booked", "travel.funder", "iom"),
        ]),

        // A child at high risk: guardian appointed, views heard, family assessment requested in the country of origin.
        new("child-return", TimeSpan.FromDays(12),
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "hotline-family"),
            DemoMove.Sets("appoint-guardian", "guardian-appointed", "guardian.type", "youth-welfare-office"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "high"),
            new("hear-child-views", "views-recorded"),
        ]),

        // A witness after return: consent given, preparations for the hearing running in parallel.
        new("court-appearance", TimeSpan.FromDays(5),
        [
            new("inform-person", "informed", Channel: HandOffChannels.Phone),
            new("witness-consent", "consents"),
            new("book-interpreter", "booked"),
        ],
        new Dictionary<string, JsonNode?>
        {
            ["person.isChild"] = false,
            ["court.hearingAt"] = now.AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),

        // Closed: the person chose to stay and residence support was arranged.
        new("transnational-return", TimeSpan.FromDays(60),
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "hotline-person"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "low"),
            new("informed-choice", "stay"),
            new("arrange-stay", "arranged"),
        ]),

        // Closed: the witness declined to testify.
        new("court-appearance", TimeSpan.FromDays(20),
        [
            new("inform-person", "informed", Channel: HandOffChannels.InPerson),
            new("witness-consent", "declines"),
        ],
        new Dictionary<string, JsonNode?> { ["court.hearingAt"] = now.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),

        // Stuck: the escort plan was recorded without travel times, so the departure step cannot set its
        // deadline and raised an incident for the coordinator.
        new("transnational-return", TimeSpan.FromDays(50),
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "iom"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "low"),
            new("informed-choice", "return"),
            new("accept-referral", "accepted", Channel: HandOffChannels.Email),
            new("request-travel-documents", "issued", Channel: HandOffChannels.Link),
            DemoMove.Sets("book-travel", "booked", "travel.funder", "state-programme"),
            new("pre-departure-contact", "plan-agreed"),
            new("escort-plan", "planned"),
        ]),
    ];
}
