using System.Globalization;
using System.Text.Json.Nodes;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Partners;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Web.Demo;

/// <summary>A small caseload on the shipped procedures, each referral at a different stage, each started through the
/// intake with an invented person on the Germany–Romania corridor of the demo directory. Every fact a step sets is
/// given, every request the person agreed to is covered by a consent — except the two things the demo means to show:
/// one request waiting on consent, and one incident.</summary>
internal static class DemoCaseload
{
    public static IReadOnlyList<DemoScenario> Scenarios(DateTimeOffset now) =>
    [
        // Just referred by the police; the 48-hour identification deadline has already passed.
        new("transnational-return", TimeSpan.FromDays(3), DemoPeople.Adult("Ioana Exemplu", "1996-04-17"),
            DemoPartners.GermanyToRomania, []),

        // Chose to return, but has not yet agreed to be referred to IOM Bucharest: the referral request is held and a
        // "consent needed" task waits for the caseworker (the demo's one request waiting on consent).
        new("transnational-return", TimeSpan.FromDays(9), DemoPeople.Adult("Elena Exemplu-Marin", "1989-11-02", "ro", "de"),
            DemoPartners.GermanyToRomania.With(PartnerAssignments.ReceivingRole, "ro-iom-bucharest"),
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "ngo"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "medium"),
            new("informed-choice", "return"),
        ],
        ConsentWithheld: ConsentPurposes.Refer),

        // Accepted after one question from the partner; documents issued and travel booked, pre-departure calls open.
        new("transnational-return", TimeSpan.FromDays(40), DemoPeople.Adult("Mihai Exemplu", "1992-07-23"),
            DemoPartners.GermanyToRomania,
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

        // A child at high risk: guardian appointed (the youth welfare office, which also gave consent for the child),
        // views heard, family assessment requested from the child protection directorate in Bucharest.
        new("child-return", TimeSpan.FromDays(12), DemoPeople.Child("Andreea Exemplu", now, 15),
            DemoPartners.GermanyToRomania with { Sending = "de-jugendamt-heilbronn" },
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "hotline-family"),
            DemoMove.Sets("appoint-guardian", "guardian-appointed", "guardian.type", "youth-welfare-office"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "high"),
            new("hear-child-views", "views-recorded"),
        ],
        new Dictionary<string, JsonNode?> { ["return.country"] = "RO" }),

        // A witness after return: consent given, preparations for the hearing running in parallel.
        new("court-appearance", TimeSpan.FromDays(5), DemoPeople.Adult("Daniela Exemplu", "1994-02-08"),
            DemoPartners.Witness,
        [
            new("inform-person", "informed", Channel: HandOffChannels.Phone),
            new("witness-consent", "consents"),
            new("book-interpreter", "booked"),
        ],
        new Dictionary<string, JsonNode?> { ["court.hearingAt"] = Day(now.AddDays(21)) }),

        // Closed: the person chose to stay and residence support was arranged.
        new("transnational-return", TimeSpan.FromDays(60), DemoPeople.Adult("Gabriela Exemplu", "1987-05-30", "ro", "en"),
            DemoPartners.GermanyToRomania with { Sending = "de-mitternachtsmission" },
        [
            DemoMove.Sets("intake-identification", "identified", "referral.source", "hotline-person"),
            DemoMove.Sets("risk-needs-assessment", "assessed", "risk.level", "low"),
            new("informed-choice", "stay"),
            new("arrange-stay", "arranged"),
        ]),

        // Closed: the witness declined to testify.
        new("court-appearance", TimeSpan.FromDays(20), DemoPeople.Adult("Cristina Exemplu", "1998-09-14"),
            DemoPartners.Witness,
        [
            new("inform-person", "informed", Channel: HandOffChannels.InPerson),
            new("witness-consent", "declines"),
        ],
        new Dictionary<string, JsonNode?> { ["court.hearingAt"] = Day(now.AddDays(10)) }),

        // Stuck, deliberately (the demo's one incident): the escort plan was recorded without travel times, so the
        // departure step cannot set its deadline and raised an incident for the coordinator.
        new("transnational-return", TimeSpan.FromDays(50), DemoPeople.Adult("Florin Exemplu", "1990-12-01"),
            DemoPartners.GermanyToRomania,
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

    /// <summary>The step whose incident the demo means to show (the last scenario's).</summary>
    public const string DeliberateIncidentStep = "departure";

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
