using System.Net.Mail;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Mail;

namespace ReferralFlow.Tests.Mail;

/// <summary>No message carries a person's data (DESIGN.md §6): only the case code, what is asked, the deadline,
/// the sender's contact and links.</summary>
public class PersonalDataTests
{
    private const string PersonName = "Zoryana Hrytsenko-Vasylivna";
    private const string DocumentNumber = "XK4471923";

    [Fact]
    public async Task No_delivered_message_contains_the_persons_name_document_number_or_any_contacts_name_and_notes()
    {
        await using var mail = await MailHarness.CreateAsync("sqlite", "personal_data");
        // Free text the database holds about the referral today: the actor and the history's details.
        var referral = await mail.StartAsync(actor: $"{PersonName} ({DocumentNumber})");
        await using (var db = mail.Runtime.Open())
        {
            db.History.Add(new HistoryEntry
            {
                ReferralId = referral.Id, At = mail.Runtime.Clock.GetUtcNow(), Kind = HistoryKinds.TaskCreated,
                Detail = $"{PersonName}, passport {DocumentNumber}", Actor = PersonName,
            });
            await db.SaveChangesAsync();
        }
        var server = mail.Delivery(MailHarness.RealServer());
        await server.DeliverDueAsync();
        mail.Runtime.Clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromHours(1));
        await mail.Runtime.Worker.DrainAsync();
        await server.DeliverDueAsync();

        var delivered = MailHarness.Delivered((await mail.OutboxAsync(referral.Id)).Select(m => m.Id));
        Assert.Equal(5, delivered.Count);
        var forbidden = new[] { PersonName, "Hrytsenko", DocumentNumber }
            .Concat(mail.AddressBook.Contacts.Values.SelectMany(c => new[] { c.Name, c.Notes }))
            .ToList();
        var leaks = delivered
            .SelectMany(m => forbidden.Where(f => $"{m.Raw}\n{m.Subject}\n{m.Text}\n{m.Html}".Contains(f, StringComparison.OrdinalIgnoreCase))
                .Select(f => $"{m.MessageId} ({m.Subject}) contains '{f}'"))
            .ToList();
        Assert.True(leaks.Count == 0, "Personal data in messages:\n" + string.Join("\n", leaks));
        // The check does see the bodies: the sender's contact line is there, as it should be.
        Assert.All(delivered, m => Assert.Contains("ADPARE Bucharest", m.Text));
    }

    [Fact]
    public void The_renderers_input_has_no_field_for_free_text()
    {
        Assert.Equal(["Alternatives", "Answer", "CaseCode", "DueAt", "Facts", "Links", "Request", "Sender"],
            typeof(MessageFacts).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());
        // Suggested partners are directory data about organisations, never a contact person.
        Assert.Equal(["Country", "Kind", "Organisation"],
            typeof(MessageAlternative).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());
        // A step's facts are typed values: a time, a place or flight number of a checked shape, a yes/no, codes.
        Assert.Equal(["At", "Documents", "Name", "Text", "Type", "YesNo"],
            typeof(MessageFact).GetProperties().Select(p => p.Name).Where(n => n != "EqualityContract").Order());
        Assert.Throws<ArgumentException>(() => MessageFact.Code("travel-mode", PersonName));
        Assert.Throws<ArgumentException>(() => MessageFact.FlightNumber("flight-number", PersonName));
        Assert.Throws<ArgumentException>(() => MessageFact.Place("departure-place", "zoryana@mail.example.org"));
        Assert.Throws<ArgumentException>(() => MessageFact.DocumentList("documents", [DocumentNumber]));
        var sender = new MessageSender("ADPARE Bucharest", new MailAddress("coordonare@adpare.example.org"));

        Assert.Throws<ArgumentException>(() => new MessageFacts(PersonName, "accept-referral", null, sender, []));
        Assert.Throws<ArgumentException>(() => new MessageFacts("RF-2027-7KQ3M", PersonName, null, sender, []));
        Assert.Throws<ArgumentException>(() => new MessageFacts("RF-2027-7KQ3M", "accept-referral", null, sender, [], answer: DocumentNumber));
    }
}
