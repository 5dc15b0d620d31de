using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Tests.Mail;

/// <summary>The ladder's last rung (issue 3 §4): the coordinator is told which other partners the directory offers.</summary>
public class AlternativesEscalationTests
{
    [Fact]
    public async Task An_alternatives_escalation_lists_the_active_organisations_of_the_same_country_kind_and_service_only()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "alternatives");
        mail.AddressBook.Contacts[Recipients.Alternatives] = mail.AddressBook.Contacts[Recipients.Coordinator];
        var referral = await mail.StartAsync();
        var request = (await mail.OutboxAsync(referral.Id)).Single(m => m.Kind == OutboxKinds.Request);

        Guid current;
        await using (var db = mail.Runtime.Open())
        {
            Organisation Add(string key, string name, string country, string kind, bool active, params string[] services)
            {
                var organisation = new Organisation
                {
                    Id = Guid.NewGuid(), Key = key, Name = name, Kind = kind, Country = country, Services = services, Active = active,
                };
                db.Organisations.Add(organisation);
                return organisation;
            }
            current = Add("foyer-lumiere", "Foyer Lumière", "BE", OrganisationKinds.Ngo, true, "shelter", "social").Id;
            Add("maison-esperance", "Maison Espérance", "BE", OrganisationKinds.Ngo, true, "shelter");
            Add("pag-asa", "PAG-ASA", "BE", OrganisationKinds.Ngo, true, "social", "legal");
            Add("closed-shelter", "Closed Shelter", "BE", OrganisationKinds.Ngo, false, "shelter");
            Add("abroad", "Refuge Outre-Quiévrain", "FR", OrganisationKinds.Ngo, true, "shelter");
            Add("other-kind", "Shelter of the Commune", "BE", OrganisationKinds.Shelter, true, "shelter");
            Add("other-service", "Legal Aid Brussels", "BE", OrganisationKinds.Ngo, true, "legal");
            db.PartnerAssignments.Add(new PartnerAssignment
            {
                ReferralId = referral.Id, Role = "receiving", OrganisationId = current,
                AssignedAt = mail.Runtime.Clock.GetUtcNow(), AssignedBy = "coordinator",
            });
            await db.SaveChangesAsync();
        }

        var composer = new MessageComposer(mail.AddressBook, MailHarness.Templates,
            new TokenReplyLinks(new ReferralFlow.Core.Replies.ReplyLinks(new Uri("https://referrals.example.org/"), mail.Runtime.Library, mail.Runtime.Clock)),
            mail.Runtime.Library, mail.Settings());
        OutboxMessage Escalation(string to) => new()
        {
            Id = Guid.NewGuid(), ReferralId = referral.Id, StepId = request.StepId, Kind = OutboxKinds.Escalation, Recipient = to,
            Template = request.Template, HandOffId = request.HandOffId, PayloadJson = "{}",
            CreatedAt = mail.Runtime.Clock.GetUtcNow(), NextAttemptAt = mail.Runtime.Clock.GetUtcNow(),
        };

        await using var read = mail.Runtime.Open();
        var email = Assert.IsType<ReadyToSend>(await composer.ComposeAsync(read, Escalation(Recipients.Alternatives), default)).Email;
        var line = Assert.Single(email.Text.Split('\n'), l => l.StartsWith("Parteneri alternativi", StringComparison.Ordinal));
        Assert.Equal("Parteneri alternativi din registru (aceeași țară, același tip și serviciu, activi): "
            + "Maison Espérance (BE, ngo); PAG-ASA (BE, ngo).", line);
        Assert.Contains("PAG-ASA (BE, ngo)", email.Html);
        foreach (var absent in new[] { "Foyer Lumière", "Closed Shelter", "Outre-Quiévrain", "Commune", "Legal Aid" })
            Assert.DoesNotContain(absent, email.Text);

        // The coordinator rung of the same ladder suggests nothing, and says nothing about it.
        var plain = Assert.IsType<ReadyToSend>(await composer.ComposeAsync(read, Escalation(Recipients.Coordinator), default)).Email;
        Assert.DoesNotContain("Parteneri alternativi", plain.Text);
        Assert.DoesNotContain("Maison Espérance", plain.Text);
    }
}
