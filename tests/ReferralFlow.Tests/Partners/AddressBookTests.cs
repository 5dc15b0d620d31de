using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Partners;

public class AddressBookTests
{
    private static readonly DateTimeOffset At = TestDatabase.Noon;

    /// <summary>The small directory, a referral and the given role → organisation assignments.</summary>
    private static async Task<(TestDatabase Database, Referral Referral)> SetUpAsync(string provider, string name, params (string Role, string Organisation)[] roles)
    {
        var database = await TestDatabase.MigratedAsync(provider, name);
        Assert.True((await Directories.ImportAsync(database, Directories.Small)).Applied);
        var referral = TestDatabase.NewReferral(At);
        await using var db = database.Open();
        db.Referrals.Add(referral);
        foreach (var (role, key) in roles)
            db.PartnerAssignments.Add(new PartnerAssignment
            {
                ReferralId = referral.Id, Role = role, OrganisationId = (await Directories.OrganisationAsync(database, key)).Id,
                AssignedAt = At, AssignedBy = "test",
            });
        await db.SaveChangesAsync();
        return (database, referral);
    }

    private static async Task<Addressee?> ResolveAsync(TestDatabase database, Guid referralId, string recipient, Guid? handOffId = null)
    {
        await using var db = database.Open();
        return await new DirectoryAddressBook().ResolveAsync(db, referralId, recipient, handOffId, CancellationToken.None);
    }

    private static async Task<Guid> HandOffAsync(TestDatabase database, Guid referralId, string partner)
    {
        var handOff = new HandOff
        {
            Id = Guid.NewGuid(), ReferralId = referralId, TokenId = Guid.NewGuid(), StepId = "ask", Partner = partner,
            Request = "accept-referral", Title = "Accept the referral?", Outcomes = ["accepted", "declined"], CreatedAt = At,
        };
        await using var db = database.Open();
        db.HandOffs.Add(handOff);
        await db.SaveChangesAsync();
        return handOff.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_partner_role_resolves_to_the_first_authorised_contact_never_to_an_unauthorised_one(string provider)
    {
        var (database, referral) = await SetUpAsync(provider, "address_role", ("receiving", "ro-shelter-a"), ("consulate", "ro-documents-f"));
        await using var _ = database;

        // Shelter A lists its unauthorised press officer first.
        Assert.Equal("intake@a.example.org", (await ResolveAsync(database, referral.Id, "receiving"))?.Email);
        var addressee = await ResolveAsync(database, referral.Id, "receiving");
        Assert.Equal(("ro", "Shelter A"), (addressee!.Language, addressee.OrganisationName));
        Assert.NotNull(addressee.ContactId);
        // Documents F has only an unauthorised clerk: nobody, so the caller raises an incident.
        Assert.Null(await ResolveAsync(database, referral.Id, "consulate"));
        Assert.Null(await ResolveAsync(database, referral.Id, "child-protection"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_inactive_organisation_resolves_to_nobody(string provider)
    {
        var (database, referral) = await SetUpAsync(provider, "address_inactive", ("receiving", "ro-shelter-d"));
        await using var _ = database;

        Assert.Null(await ResolveAsync(database, referral.Id, "receiving"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Backup_is_the_authorised_backup_of_the_hand_offs_contact(string provider)
    {
        var (database, referral) = await SetUpAsync(provider, "address_backup", ("receiving", "ro-shelter-a"), ("escort", "ro-escort-g"));
        await using var _ = database;
        var toShelter = await HandOffAsync(database, referral.Id, "receiving");
        var toEscort = await HandOffAsync(database, referral.Id, "escort");

        Assert.Equal("deputy@a.example.org", (await ResolveAsync(database, referral.Id, "backup", toShelter))?.Email);
        // Escort G's lead is reachable, but the backup it names may not accept referrals.
        Assert.Equal("lead@g.example.org", (await ResolveAsync(database, referral.Id, "escort"))?.Email);
        Assert.Null(await ResolveAsync(database, referral.Id, "backup", toEscort));
        // A task's reminder has no hand-off; a hand-off of another referral is not this one's.
        Assert.Null(await ResolveAsync(database, referral.Id, "backup"));
        Assert.Null(await ResolveAsync(database, Guid.NewGuid(), "backup", toShelter));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_child_referral_resolves_roles_through_its_parent(string provider)
    {
        var (database, parent) = await SetUpAsync(provider, "address_child", ("receiving", "ro-shelter-b"));
        await using var _ = database;
        var child = new Referral
        {
            Id = Guid.NewGuid(), CaseCode = "RF-2026-CHILD", WorkflowId = "monitoring", WorkflowVersion = 1,
            StateJson = """{"tokens":[]}""", StartedAt = At, ParentReferralId = parent.Id, ParentTokenId = Guid.NewGuid(),
        };
        await using (var db = database.Open())
        {
            db.Referrals.Add(child);
            await db.SaveChangesAsync();
        }

        Assert.Equal("intake@b.example.org", (await ResolveAsync(database, child.Id, "receiving"))?.Email);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Alternatives_are_active_organisations_of_the_same_country_and_kind_sharing_a_service(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "address_alternatives");
        await Directories.ImportAsync(database, Directories.Small);
        var shelterA = await Directories.OrganisationAsync(database, "ro-shelter-a");
        await using var db = database.Open();

        var alternatives = await new DirectoryAddressBook().AlternativesAsync(db, shelterA.Id, CancellationToken.None);

        // E shares both services, B one; C (legal only), D (inactive), the Serbian NGO, IOM and A itself are out.
        Assert.Equal(["ro-shelter-e", "ro-shelter-b"], alternatives.Select(o => o.Key));
        Assert.Empty(await new DirectoryAddressBook().AlternativesAsync(db, Guid.NewGuid(), CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_directory_query_finds_an_active_addressable_match_most_recently_verified_first(string provider)
    {
        await using var database = await TestDatabase.MigratedAsync(provider, "address_find");
        await Directories.ImportAsync(database, Directories.Small);
        await using var db = database.Open();

        Assert.Equal("ro-shelter-e", (await PartnerDirectory.FindAsync(db, "ro", "shelter", "ngo"))?.Key);
        Assert.Equal("ro-iom", (await PartnerDirectory.FindAsync(db, "RO", "shelter", "iom"))?.Key);
        Assert.Equal("rs-shelter", (await PartnerDirectory.FindAsync(db, "RS", "reintegration", "ngo"))?.Key);
        // Documents F offers the service but nobody there may accept a referral.
        Assert.Null(await PartnerDirectory.FindAsync(db, "RO", "documents", "ngo"));
        Assert.Null(await PartnerDirectory.FindAsync(db, "BG", "shelter", "ngo"));
    }
}
