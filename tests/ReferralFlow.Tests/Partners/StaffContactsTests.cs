using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Partners;

/// <summary>The sending side's staff roles come from the directory (issue 9 §2): the sending organisation's own
/// authorised contacts holding the role, else the network's contact for it; never an unauthorised one, never a fixed
/// address.</summary>
public class StaffContactsTests
{
    /// <summary>Sender A lists an unauthorised coordinator before its authorised one; Sender B has only an unauthorised
    /// coordinator; Sender C's lead holds both roles; Sender D is inactive. The network names its own desk and focal
    /// point, and an unauthorised contact for nothing.</summary>
    public const string Staffed = """
        network:
          coordinator: net-desk
          focal-point: net-focal
        organisations:
          - id: de-sender-a
            name: Sender A
            kind: ngo
            country: DE
            contacts:
              - { id: a-counsellor, name: Counsellor A, email: counsel@a.example.org, language: de, authorised: true }
              - { id: a-trainee, name: Trainee A, email: trainee@a.example.org, language: de, authorised: false, staffRoles: [coordinator] }
              - { id: a-coordinator, name: Coordinator A, email: coord@a.example.org, language: en, authorised: true, staffRoles: [coordinator] }
          - id: de-sender-b
            name: Sender B
            kind: ngo
            country: DE
            contacts:
              - { id: b-intake, name: Intake B, email: intake@b.example.org, language: de, authorised: true }
              - { id: b-trainee, name: Trainee B, email: trainee@b.example.org, language: de, authorised: false, staffRoles: [coordinator, focal-point] }
          - id: de-sender-c
            name: Sender C
            kind: ngo
            country: DE
            contacts:
              - { id: c-lead, name: Lead C, email: lead@c.example.org, language: de, authorised: true, staffRoles: [focal-point, coordinator] }
          - id: de-sender-d
            name: Sender D (closed)
            kind: ngo
            country: DE
            active: false
            contacts:
              - { id: d-lead, name: Lead D, email: lead@d.example.org, language: de, authorised: true, staffRoles: [coordinator] }
          - id: network-office
            name: Network Office
            kind: other
            country: BE
            contacts:
              - { id: net-desk, name: Desk, email: desk@network.example.org, language: fr, authorised: true }
              - { id: net-focal, name: Focal, email: focal@network.example.org, language: en, authorised: true }
              - { id: net-volunteer, name: Volunteer, email: volunteer@network.example.org, language: en, authorised: false }
        """;

    private static async Task<(TestDatabase Database, Func<string?, Task<Guid>> Referral)> SetUpAsync(string provider, string name, string directory = Staffed)
    {
        var database = await TestDatabase.MigratedAsync(provider, name);
        var imported = await Directories.ImportAsync(database, directory);
        Assert.True(imported.Applied, string.Join("\n", imported.Problems));
        var count = 0;
        return (database, async sending =>
        {
            var referral = new Referral
            {
                Id = Guid.NewGuid(), CaseCode = $"RF-2026-ST{++count:D3}", WorkflowId = "shelter-placement", WorkflowVersion = 1,
                StateJson = """{"tokens":[]}""", StartedAt = TestDatabase.Noon,
                SendingOrganisationId = sending is null ? null : (await Directories.OrganisationAsync(database, sending)).Id,
            };
            await using var db = database.Open();
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            return referral.Id;
        });
    }

    private static async Task<string?> EmailAsync(TestDatabase database, Guid referralId, string recipient)
    {
        await using var db = database.Open();
        return (await new DirectoryAddressBook().ResolveAsync(db, referralId, recipient, null, CancellationToken.None))?.Email;
    }

    private static async Task<SendingParty?> SenderAsync(TestDatabase database, Guid referralId)
    {
        await using var db = database.Open();
        return await new DirectoryAddressBook().SenderAsync(db, referralId, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Coordinator_is_the_sending_organisations_authorised_coordinator_else_the_networks(string provider)
    {
        var (database, referral) = await SetUpAsync(provider, "staff_roles");
        await using var _ = database;
        var fromA = await referral("de-sender-a");
        var fromB = await referral("de-sender-b");
        var fromC = await referral("de-sender-c");
        var fromD = await referral("de-sender-d");
        var fromNobody = await referral(null);

        // A's unauthorised trainee is listed first and skipped.
        Assert.Equal("coord@a.example.org", await EmailAsync(database, fromA, Recipients.Coordinator));
        Assert.Equal("coord@a.example.org", await EmailAsync(database, fromA, Recipients.Alternatives));
        // A names no focal point of its own: the network's.
        Assert.Equal("focal@network.example.org", await EmailAsync(database, fromA, Recipients.FocalPoint));
        // B's only coordinator may not act for it: never used, the network's desk instead.
        Assert.Equal("desk@network.example.org", await EmailAsync(database, fromB, Recipients.Coordinator));
        Assert.Equal("focal@network.example.org", await EmailAsync(database, fromB, Recipients.FocalPoint));
        Assert.Equal("lead@c.example.org", await EmailAsync(database, fromC, Recipients.Coordinator));
        Assert.Equal("lead@c.example.org", await EmailAsync(database, fromC, Recipients.FocalPoint));
        // An inactive sending organisation is addressed as any inactive partner: nobody there.
        Assert.Equal("desk@network.example.org", await EmailAsync(database, fromD, Recipients.Coordinator));
        Assert.Equal("desk@network.example.org", await EmailAsync(database, fromNobody, Recipients.Coordinator));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_role_holder_or_an_authorised_network_contact_nobody_is_addressed_and_the_incident_says_what_to_add(string provider)
    {
        var directory = Staffed.Replace("  coordinator: net-desk\n", "").Replace("focal-point: net-focal", "focal-point: net-volunteer");
        var (database, referral) = await SetUpAsync(provider, "staff_roles_none", directory);
        await using var _ = database;
        var fromB = await referral("de-sender-b");

        Assert.Null(await EmailAsync(database, fromB, Recipients.Coordinator));
        Assert.Null(await EmailAsync(database, fromB, Recipients.FocalPoint));
        await using var db = database.Open();
        Assert.Equal(
            "the partner directory names no coordinator for this referral. Add 'staffRoles: [coordinator]' to an authorised " +
            "contact of its sending organisation 'de-sender-b', or name the network's coordinator in the directory's 'network:' " +
            "section ('coordinator: CONTACT-ID', an authorised contact); then import the directory ('referralflow partners import " +
            "FILE') and retry the referral ('referralflow referrals retry RF-2026-ST001').",
            await StaffContacts.WhatToAddAsync(db, fromB, "RF-2026-ST001", Recipients.Coordinator, CancellationToken.None));
        Assert.Contains("make the network's focal-point 'net-volunteer' an authorised contact of an active organisation",
            await StaffContacts.WhatToAddAsync(db, fromB, "RF-2026-ST001", Recipients.FocalPoint, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sender_is_the_sending_organisation_replied_to_at_its_designated_authorised_contact(string provider)
    {
        var (database, referral) = await SetUpAsync(provider, "staff_sender");
        await using var _ = database;
        var fromA = await referral("de-sender-a");

        Assert.Equal(new SendingParty("Sender A", "counsel@a.example.org"), await SenderAsync(database, fromA));
        Assert.Equal(new SendingParty("Sender C", "lead@c.example.org"), await SenderAsync(database, await referral("de-sender-c")));
        Assert.Equal(new SendingParty("Sender D (closed)", null), await SenderAsync(database, await referral("de-sender-d")));
        Assert.Null(await SenderAsync(database, await referral(null)));

        // A monitoring started from A's referral speaks for A, and reaches A's coordinator.
        var child = new Referral
        {
            Id = Guid.NewGuid(), CaseCode = "RF-2026-CHILD", WorkflowId = "monitoring", WorkflowVersion = 1,
            StateJson = """{"tokens":[]}""", StartedAt = TestDatabase.Noon, ParentReferralId = fromA, ParentTokenId = Guid.NewGuid(),
        };
        await using (var db = database.Open())
        {
            db.Referrals.Add(child);
            await db.SaveChangesAsync();
        }
        Assert.Equal("Sender A", (await SenderAsync(database, child.Id))?.OrganisationName);
        Assert.Equal("coord@a.example.org", await EmailAsync(database, child.Id, Recipients.Coordinator));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_network_section_sets_exactly_its_roles_and_a_file_without_one_leaves_them_with_a_warning_for_a_removed_contact(string provider)
    {
        var (database, _) = await SetUpAsync(provider, "staff_network_import");
        await using var __ = database;
        Assert.StartsWith("# ReferralFlow partner directory: import with 'referralflow partners import FILE'.\n" +
            "network:\n  coordinator: net-desk\n  focal-point: net-focal\norganisations:\n", await Directories.ExportAsync(database));
        Assert.Contains("        staffRoles: [focal-point, coordinator]\n", await Directories.ExportAsync(database));
        Assert.Contains("\"staffRoles\": [", await Directories.ExportAsync(database, DirectoryFormat.Json));

        // The network office alone, without its desk: the network still names the desk, and the import says so.
        var office = Staffed[Staffed.IndexOf("  - id: network-office", StringComparison.Ordinal)..]
            .Replace("      - { id: net-desk, name: Desk, email: desk@network.example.org, language: fr, authorised: true }\n", "");
        var result = await Directories.ImportAsync(database, "organisations:\n" + office);
        Assert.True(result.Applied);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("$.network", warning.Path);
        Assert.Contains("the directory names 'net-desk' as the network's coordinator, and this file removes that contact", warning.Message);
        Assert.Contains("network:\n  coordinator: net-desk\n", await Directories.ExportAsync(database));

        Assert.True((await Directories.ImportAsync(database, "network:\n  coordinator: a-coordinator\norganisations: []\n")).Applied);
        Assert.Contains("network:\n  coordinator: a-coordinator\norganisations:\n", await Directories.ExportAsync(database));
    }
}
