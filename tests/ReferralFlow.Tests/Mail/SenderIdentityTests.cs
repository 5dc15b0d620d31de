using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Mail;

/// <summary>Who speaks in an e-mail (issue 9 §1–§2), read from the real SMTP server's Maildir: the referral's sending
/// organisation by name and Reply-To, the deployment's configured From, and staff roles from the directory.</summary>
public class SenderIdentityTests
{
    private const string Directory = """
        network:
          coordinator: net-desk
        organisations:
          - id: de-sender-a
            name: Beratung Nord
            kind: ngo
            country: DE
            contacts:
              - { id: a-intake, name: Intake A, email: intake@nord.example.org, language: de, authorised: true }
              - { id: a-coordinator, name: Coordinator A, email: koordination@nord.example.org, language: en, authorised: true, staffRoles: [coordinator] }
          - id: de-sender-b
            name: Beratung Süd
            kind: ngo
            country: DE
            contacts:
              - { id: b-intake, name: Intake B, email: intake@sued.example.org, language: de, authorised: true }
              - { id: b-trainee, name: Trainee B, email: trainee@sued.example.org, language: de, authorised: false, staffRoles: [coordinator] }
          - id: ro-shelter
            name: Shelter Bucharest
            kind: ngo
            country: RO
            contacts:
              - { id: shelter-intake, name: Intake S, email: intake@shelter.example.org, language: en, authorised: true, backup: shelter-deputy }
              - { id: shelter-deputy, name: Deputy S, email: deputy@shelter.example.org, language: en, authorised: true }
          - id: de-police
            name: Border Police
            kind: police
            country: DE
            contacts:
              - { id: police-desk, name: Desk P, email: desk@police.example.org, language: en, authorised: true }
          - id: network-office
            name: Network Office
            kind: other
            country: BE
            contacts:
              - { id: net-desk, name: Desk N, email: desk@network.example.org, language: en, authorised: true }
        """;

    private static async Task<MailHarness> HarnessAsync(string provider, string name, string directory = Directory)
    {
        var mail = await MailHarness.CreateAsync(provider, name);
        var imported = await Directories.ImportAsync(mail.Runtime.Database, directory);
        Assert.True(imported.Applied, string.Join("\n", imported.Problems));
        return mail;
    }

    /// <summary>A referral of the mail-check procedure sent by <paramref name="sending"/> to the shelter, with the
    /// police assigned and the person's consent to refer, so that its request goes out.</summary>
    private static async Task<Guid> StartAsync(MailHarness mail, string sending)
    {
        var runtime = mail.Runtime;
        var started = await new ReferralStart(runtime.Runtime, runtime.Protector, runtime.Clock).StartAsync(MailHarness.Workflow,
            new ReferralIntake { SendingOrganisation = sending, ReceivingOrganisation = "ro-shelter" }, Actor.Operator("caseworker"));
        await using (var db = runtime.Open())
            await PartnerAssignments.AssignAsync(db, runtime.Library, started.Referral.Id, "border-police", "de-police", "coordinator", runtime.Clock.GetUtcNow());
        await ConsentRecording.RecordAsync(runtime.Open, runtime.Clock,
            new ConsentInput(started.Referral.Id, "ro-shelter", "refer", "written", "person", GuardianCosigned: false), Actor.Operator("caseworker"));
        return started.Referral.Id;
    }

    private static async Task<MailFile> DeliveredAsync(MailHarness mail, Guid referralId, string kind, string recipient)
    {
        var row = (await mail.OutboxAsync(referralId)).Single(m => m.Kind == kind && m.Recipient == recipient);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        return Assert.Single(MailHarness.Delivered([row.Id]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_referrals_from_two_organisations_reach_the_partner_from_two_senders_through_the_configured_From(string provider)
    {
        await using var mail = await HarnessAsync(provider, "sender_two");
        var fromNord = await StartAsync(mail, "de-sender-a");
        var fromSued = await StartAsync(mail, "de-sender-b");

        var pass = await mail.Delivery(MailHarness.RealServer(), addressBook: new DirectoryAddressBook()).DeliverDueAsync();

        Assert.Equal(new DeliveryPass(4, 0, 0), pass);
        var nord = await DeliveredAsync(mail, fromNord, OutboxKinds.Request, "receiving");
        var sued = await DeliveredAsync(mail, fromSued, OutboxKinds.Request, "receiving");
        foreach (var (message, name, replyTo) in new[] { (nord, "Beratung Nord", "intake@nord.example.org"), (sued, "Beratung Süd", "intake@sued.example.org") })
        {
            Assert.Contains("intake@shelter.example.org", message.Headers["to"]);
            // The deployment's mailbox sends every message; replies go to the sending organisation.
            Assert.Contains("<no-reply@referralflow.example.org>", message.Headers["from"]);
            Assert.Equal(replyTo, message.Headers["reply-to"].Trim('<', '>', ' '));
            Assert.StartsWith($"{name} would like to refer a person to your organisation", message.Text.Split("\n")[2]);
            Assert.Contains($"please contact {name} at {replyTo} and quote the case code", message.Text);
            Assert.EndsWith(name, message.Text.TrimEnd());
        }
        // The notice to the police speaks for the same sender as its referral's request.
        Assert.Contains("intake@sued.example.org", (await DeliveredAsync(mail, fromSued, OutboxKinds.Notice, "border-police")).Headers["reply-to"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_coordinator_escalation_reaches_the_sending_organisations_coordinator_else_the_networks_never_an_unauthorised_one(string provider)
    {
        await using var mail = await HarnessAsync(provider, "sender_escalation");
        var fromNord = await StartAsync(mail, "de-sender-a");
        var fromSued = await StartAsync(mail, "de-sender-b");
        var delivery = mail.Delivery(MailHarness.RealServer(), addressBook: new DirectoryAddressBook());
        await delivery.DeliverDueAsync();

        // Due 3 days after the start: the coordinator rung two days after.
        mail.Runtime.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        await mail.Runtime.Worker.DrainAsync();
        Assert.Equal(new DeliveryPass(6, 0, 0), await delivery.DeliverDueAsync());

        var nord = await DeliveredAsync(mail, fromNord, OutboxKinds.Escalation, Recipients.Coordinator);
        Assert.Contains("koordination@nord.example.org", nord.Headers["to"]);
        Assert.Contains("Sent by ReferralFlow for Beratung Nord (intake@nord.example.org).", nord.Text);
        // Süd's only coordinator may not act for it: the network's desk gets it.
        var sued = await DeliveredAsync(mail, fromSued, OutboxKinds.Escalation, Recipients.Coordinator);
        Assert.Contains("desk@network.example.org", sued.Headers["to"]);
        Assert.Contains("Sent by ReferralFlow for Beratung Süd (intake@sued.example.org).", sued.Text);
        Assert.DoesNotContain(MailHarness.Delivered((await mail.OutboxAsync(fromSued)).Select(m => m.Id)),
            m => m.Headers["to"].Contains("trainee@", StringComparison.Ordinal));
        Assert.Contains("deputy@shelter.example.org", (await DeliveredAsync(mail, fromNord, OutboxKinds.Escalation, Recipients.Backup)).Headers["to"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_coordinator_escalation_nobody_can_receive_raises_an_incident_naming_what_to_add(string provider)
    {
        await using var mail = await HarnessAsync(provider, "sender_nobody", Directory.Replace("network:\n  coordinator: net-desk\n", ""));
        var fromSued = await StartAsync(mail, "de-sender-b");
        var delivery = mail.Delivery(MailHarness.RealServer(), addressBook: new DirectoryAddressBook());
        await delivery.DeliverDueAsync();

        mail.Runtime.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        await mail.Runtime.Worker.DrainAsync();
        Assert.Equal(new DeliveryPass(2, 0, 1), await delivery.DeliverDueAsync());

        var escalation = (await mail.OutboxAsync(fromSued)).Single(m => m.Kind == OutboxKinds.Escalation && m.Recipient == Recipients.Coordinator);
        Assert.Equal(OutboxStatus.Dead, escalation.Status);
        Assert.Empty(MailHarness.Delivered([escalation.Id]));
        await using var db = mail.Runtime.Open();
        var incident = await db.Incidents.SingleAsync(i => i.TokenId == escalation.Id);
        var code = (await db.Referrals.SingleAsync(r => r.Id == fromSued)).CaseCode;
        Assert.Equal(
            "The escalation 'escalation' of step 'ask-shelter' was not sent: the partner directory names no coordinator for " +
            "this referral. Add 'staffRoles: [coordinator]' to an authorised contact of its sending organisation 'de-sender-b', or " +
            "name the network's coordinator in the directory's 'network:' section ('coordinator: CONTACT-ID', an authorised " +
            "contact); then import the directory ('referralflow partners import FILE') and retry the referral " +
            $"('referralflow referrals retry {code}').", incident.Message);
    }
}
