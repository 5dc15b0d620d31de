using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.Mail;

/// <summary>A partner directory in memory: each recipient role has a contact with a person's name and notes, which
/// the real directory also holds and which must never reach a message; only the address, the language and the
/// organisation's name pass the seam.</summary>
public sealed class FakeAddressBook : IAddressBook
{
    public sealed record Contact(string Name, string Notes, string Email, string Language, string Organisation)
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    public Dictionary<string, Contact> Contacts { get; } = new(StringComparer.Ordinal)
    {
        ["receiving"] = new("Marguerite Dufresne-Okafor", "prefers calls after 10:00", "accueil@foyer-lumiere.example.org", "fr", "Foyer Lumière"),
        ["backup"] = new("Jean-Baptiste Kowalczyk", "covers holidays", "direction@foyer-lumiere.example.org", "fr-BE", "Foyer Lumière"),
        ["border-police"] = new("Hauptkommissar Ulrich Brandstätter", "shift lead", "lagezentrum@grenzpolizei.example.org", "de", "Grenzpolizei Süd"),
        ["coordinator"] = new("Ana-Maria Petrescu", "referral coordinator", "coordonare@adpare.example.org", "ro", "ADPARE Bucharest"),
        ["focal-point"] = new("Sven Lindqvist", "network focal point", "focal@network.example.org", "pt", "Network Focal Point"),
    };

    public List<string> Asked { get; } = [];

    public Task<Addressee?> ResolveAsync(ReferralFlowDb db, Guid referralId, string recipient, Guid? handOffId, CancellationToken ct)
    {
        lock (Asked) Asked.Add(recipient);
        return Task.FromResult(Contacts.TryGetValue(recipient, out var c) ? new Addressee(c.Id, c.Email, c.Language, c.Organisation) : null);
    }

    /// <summary>The sending organisation: the coordinator's, as the fake's recipients are all one referral's.</summary>
    public SendingParty? Sender { get; set; } = new("ADPARE Bucharest", "coordonare@adpare.example.org");

    public Task<SendingParty?> SenderAsync(ReferralFlowDb db, Guid referralId, CancellationToken ct) => Task.FromResult(Sender);

    /// <summary>The directory's own query: organisations a test adds to the database are suggested as the real
    /// directory would suggest them.</summary>
    public Task<IReadOnlyList<Organisation>> AlternativesAsync(ReferralFlowDb db, Guid organisationId, CancellationToken ct) =>
        PartnerDirectory.AlternativesAsync(db, organisationId, ct);
}
