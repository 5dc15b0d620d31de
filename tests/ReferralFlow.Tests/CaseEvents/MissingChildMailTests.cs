using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.CaseEvents;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Persistence;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.CaseEvents;

/// <summary>A missing child's alerts as the addressees receive them, read from the real SMTP server's Maildir: the
/// sending organisation's coordinator, the guardian's organisation and the corridor's police, each in its own
/// language, with the case code and nothing about the child.</summary>
public class MissingChildMailTests
{
    private const string ChildName = "Ilinca Mărgărit-Dobrescu";
    private const string BirthDate = "2013-08-21";
    private const string DocumentNumber = "RX7730516";

    // Staff roles come from the directory: the sending organisation's coordinator is one of its authorised contacts.
    private const string Directory = """
        network:
          focal-point: net-desk
        organisations:
          - id: be-sender
            name: Esperanto Bruxelles
            kind: ngo
            country: BE
            contacts:
              - { id: sender-intake, name: Accueil, email: accueil@esperanto.example.org, language: fr, authorised: true }
              - { id: sender-coordination, name: Coordination, email: coordination@esperanto.example.org, language: fr, authorised: true, staffRoles: [coordinator] }
          - id: de-jugendamt
            name: Jugendamt Aachen
            kind: child-protection
            country: DE
            contacts:
              - { id: jugendamt-desk, name: Bereitschaft, email: bereitschaft@jugendamt.example.org, language: de, authorised: true }
          - id: it-polizia
            name: Polizia di Stato Milano
            kind: police
            country: IT
            contacts:
              - { id: polizia-desk, name: Sala operativa, email: sala@polizia.example.org, language: it, authorised: true }
          - id: network-office
            name: Network Office
            kind: other
            country: BE
            contacts:
              - { id: net-desk, name: Desk N, email: desk@network.example.org, language: en, authorised: true }
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_missing_child_reaches_coordinator_guardian_organisation_and_police_each_in_its_language_with_the_case_code_only(string provider)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(provider, "missing_child_mail");
        var imported = await Directories.ImportAsync(runtime.Database, Directory);
        Assert.True(imported.Applied, string.Join("\n", imported.Problems));
        var started = await new ReferralStart(runtime.Runtime, runtime.Protector, runtime.Clock).StartAsync("child-return", new ReferralIntake
        {
            Person = new PersonInput { FullName = ChildName, BirthDate = BirthDate, DocumentNumber = DocumentNumber, Nationality = "RO" },
            SendingOrganisation = "be-sender",
        }, Actor.Operator("caseworker"));
        var referral = started.Referral;
        Assert.True(started.PersonRecorded);
        await using (var db = runtime.Open())
        {
            await PartnerAssignments.AssignAsync(db, runtime.Library, referral.Id, "child-protection", "de-jugendamt", "caseworker", runtime.Clock.GetUtcNow());
            await PartnerAssignments.AssignAsync(db, runtime.Library, referral.Id, "investigating-police", "it-polizia", "caseworker", runtime.Clock.GetUtcNow());
        }

        await new CaseEventActions(runtime.Runtime, runtime.Clock).RecordMissingAsync(referral.Id, "absconded", Actor.Operator("caseworker"));
        var pass = await Delivery(runtime).DeliverDueAsync();

        List<OutboxMessage> alerts;
        await using (var db = runtime.Open())
            alerts = await db.OutboxMessages.Where(m => m.ReferralId == referral.Id && m.Template == StaffAlert.MissingChild).ToListAsync();
        Assert.Equal(3, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(OutboxStatus.Sent, a.Status));
        Assert.Equal(new DeliveryPass(3, 0, 0), pass);
        var delivered = MailHarness.Delivered(alerts.Select(a => a.Id));
        Assert.Equal(3, delivered.Count);
        var code = referral.CaseCode;
        var byAddress = delivered.ToDictionary(m => Address(m.Headers["to"]));
        Assert.Equal(["bereitschaft@jugendamt.example.org", "coordination@esperanto.example.org", "sala@polizia.example.org"],
            byAddress.Keys.Order(StringComparer.Ordinal));
        Assert.Equal($"Alerte – {code} : l'enfant a été signalé disparu ou en fugue", byAddress["coordination@esperanto.example.org"].Subject);
        Assert.Equal($"Warnung – {code}: das Kind wurde als vermisst oder entwichen gemeldet", byAddress["bereitschaft@jugendamt.example.org"].Subject);
        Assert.Equal($"Allerta – {code}: il minore è stato segnalato come scomparso o allontanato", byAddress["sala@polizia.example.org"].Subject);
        Assert.Contains("Der Fall " + code, byAddress["bereitschaft@jugendamt.example.org"].Text);
        Assert.All(delivered, m =>
        {
            Assert.Contains(code, m.Text);
            Assert.Contains("accueil@esperanto.example.org", m.Headers["reply-to"]);
        });

        // Nothing about the child in the headers or the decoded parts: not the name (or a part of it), the birth date in
        // any usual spelling, nor the document number.
        string[] forbidden = [ChildName, "Ilinca", "Mărgărit", "Margarit", "Dobrescu", BirthDate, "21.08.2013", "21/08/2013", DocumentNumber];
        var leaks = delivered.SelectMany(m => forbidden
                .Where(f => $"{string.Join("\n", m.Headers.Values)}\n{m.Subject}\n{m.Text}\n{m.Html}".Contains(f, StringComparison.OrdinalIgnoreCase))
                .Select(f => $"{m.Headers["to"]}: '{f}'"))
            .ToList();
        Assert.True(leaks.Count == 0, "Personal data in the alerts:\n" + string.Join("\n", leaks));
    }

    private static string Address(string header) =>
        MailAddress.TryCreate(header, out var address) ? address.Address : throw new Xunit.Sdk.XunitException($"not one address: {header}");

    private static OutboxDelivery Delivery(RuntimeHarness runtime) => new(
        runtime.Open, new DirectoryAddressBook(), MailHarness.RealServer(), MailHarness.Templates,
        new TokenReplyLinks(new Core.Replies.ReplyLinks(new Uri("https://referrals.example.org/"), runtime.Library, runtime.Clock)),
        runtime.Library, new MailSettings
        {
            PickupDirectory = Path.Combine(Path.GetTempPath(), "rf-unused-pickup"),
            From = new MailAddress("ReferralFlow <no-reply@referralflow.example.org>"),
            PublicUrl = new Uri("https://referrals.example.org/"), TemplatesDirectory = MailHarness.RepositoryTemplates,
        }, runtime.Clock);
}
