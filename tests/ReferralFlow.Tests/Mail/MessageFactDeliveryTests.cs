using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Documents;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Mail;

/// <summary>
/// Message facts end to end (issue 9 §3): a caseworker plans the journey, the border police and the receiving
/// organisation get the departure, the place and the flight (and the consulate the documents asked for) as a table in
/// their own language, read back from the real SMTP server's Maildir. The person's name, birth date and document number
/// typed into a place are refused at input and never reach any message.
/// </summary>
public class MessageFactDeliveryTests
{
    internal const string Procedure = """
        { "id": "mail-check", "version": 1, "title": "Facts check", "start": "plan",
          "variables": {
            "travel.departureAt": { "type": "date", "personal": false },
            "travel.departurePlace": { "type": "string", "format": "place", "personal": false },
            "travel.flightNumber": { "type": "string", "format": "flight-number", "personal": false },
            "travel.escorted": { "type": "boolean", "personal": false }
          },
          "steps": [
            { "id": "plan", "type": "task", "role": "caseworker", "outcomes": ["planned"],
              "sets": ["travel.departureAt", "travel.departurePlace", "travel.flightNumber", "travel.escorted"] },
            { "id": "tell-police", "type": "notify", "to": "border-police", "notice": "departure-notice",
              "facts": [
                { "name": "departure-at", "type": "date-time", "variable": "travel.departureAt" },
                { "name": "departure-place", "type": "place", "variable": "travel.departurePlace" },
                { "name": "flight-number", "type": "flight-number", "variable": "travel.flightNumber" },
                { "name": "escorted", "type": "yes-no", "variable": "travel.escorted" } ] },
            { "id": "ask-shelter", "type": "partnerRequest", "partner": "receiving", "request": "document-request",
              "outcomes": ["issued", "refused"], "due": "P3D", "remind": ["-P1D"],
              "facts": [
                { "name": "documents", "type": "document-list", "record": "documents.required" },
                { "name": "departure-at", "type": "date-time", "variable": "travel.departureAt" } ] },
            { "id": "done", "type": "end", "outcome": "returned" } ],
          "transitions": [
            { "from": "plan", "outcome": "planned", "to": "tell-police" },
            { "from": "tell-police", "outcome": "done", "to": "ask-shelter" },
            { "from": "ask-shelter", "outcome": "issued", "to": "done" },
            { "from": "ask-shelter", "outcome": "refused", "to": "done" } ] }
        """;

    private static readonly Dictionary<string, JsonNode?> Plan = new()
    {
        ["travel.departureAt"] = "2027-03-02T06:40:00+01:00",
        ["travel.departurePlace"] = "Milano  Malpensa ",
        ["travel.flightNumber"] = "az1234",
        ["travel.escorted"] = true,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Facts_reach_each_partner_as_a_table_in_its_own_language(string provider)
    {
        await using var mail = await MailHarness.CreateAsync(provider, "message_facts", Procedure);
        var referral = await mail.StartAsync();
        await RecordDocumentsAsync(mail, referral.CaseCode);
        await mail.Runtime.Runtime.CompleteTaskAsync(await OpenTaskAsync(mail, referral.Id), "planned", Plan, Actor.Operator("caseworker"));

        var queued = await mail.OutboxAsync(referral.Id);
        Assert.Equal(new DeliveryPass(2, 0, 0), await mail.Delivery(MailHarness.RealServer()).DeliverDueAsync());
        var delivered = MailHarness.Delivered(queued.Select(m => m.Id));
        var police = Assert.Single(delivered, m => m.MessageId == MessageIds.For(queued.Single(q => q.Kind == OutboxKinds.Notice).Id));
        var shelter = Assert.Single(delivered, m => m.MessageId == MessageIds.For(queued.Single(q => q.Kind == OutboxKinds.Request).Id));

        // German for the border police: the local departure time with its offset, the place as typed (tidied), the
        // flight in its usual spelling, and yes/no in words.
        Assert.Contains(
            "Einzelheiten\n" +
            "Abreise (Ortszeit):  2027-03-02 06:40 UTC+01:00\n" +
            "Abreiseort:          Milano Malpensa\n" +
            "Flugnummer:          AZ 1234\n" +
            "escorted:            ja\n", police.Text.ReplaceLineEndings("\n"));
        Assert.Contains("<th scope=\"row\" style=\"text-align: left; padding: 2px 16px 2px 0; vertical-align: top;\">Flugnummer</th>" +
            "<td style=\"padding: 2px 0;\">AZ 1234</td>", police.Html);
        // French for the receiving organisation: the documents still awaited, by their French names.
        Assert.Matches(@"Documents demandés:\s+passeport, acte de naissance\r?\n", shelter.Text);
        Assert.Contains("2027-03-02 06:40 UTC+01:00", shelter.Text);
        Assert.DoesNotContain("casier", shelter.Text);
    }

    private static async Task RecordDocumentsAsync(MailHarness mail, string caseCode)
    {
        var at = mail.Runtime.Clock.GetUtcNow();
        await using var db = mail.Runtime.Open();
        var records = new DocumentRecords(db, mail.Runtime.Protector, Actor.Operator("caseworker"), at);
        await records.AddAsync(caseCode, new DocumentInput("passport", "consulate:UA", "XK4471923"), default);
        await records.AddAsync(caseCode, new DocumentInput("birth-certificate", "civil-registry:UA"), default);
        var certificate = await records.AddAsync(caseCode, new DocumentInput("police-certificate", "police:UA"), default);
        await records.ChangeStatusAsync(certificate.Id, "issued", default);
    }

    internal static async Task<Guid> OpenTaskAsync(MailHarness mail, Guid referralId)
    {
        await using var db = mail.Runtime.Open();
        return await db.Tasks.Where(t => t.ReferralId == referralId && t.Status == WorkTaskStatus.Open).Select(t => t.Id).SingleAsync();
    }
}
