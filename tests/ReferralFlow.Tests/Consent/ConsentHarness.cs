using ReferralFlow.Core.Acting;
using Microsoft.AspNetCore.Identity;
using ReferralFlow.Core.Access;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Consent;

/// <summary>
/// A runtime on one provider with a small procedure — a caseworker task, then an accept-referral request to the
/// receiving partner (purpose refer by default) with a reminder and a coordinator rung — a two-shelter directory
/// whose contacts carry distinctive names (Foyer Lumière's intake has a night desk as its backup), and a delivery into .eml files through the real directory address book.
/// </summary>
public sealed class ConsentHarness : IAsyncDisposable
{
    public const string Workflow = "consent-check";
    public const string ContactName = "Marguerite Dufresne-Okafor";

    private const string Procedure = """
        { "id": "consent-check", "version": 1, "title": "Consent check", "start": "prepare",
          "variables": { "person.isChild": { "type": "boolean", "input": true, "default": false } },
          "steps": [
            { "id": "prepare", "type": "task", "role": "caseworker", "outcomes": ["ready"] },
            { "id": "ask-shelter", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "consentNeeds": NEEDS,
              "outcomes": ["accepted", "declined"], "due": "P10D", "remind": ["-P2D"],
              "escalate": LADDER },
            { "id": "done", "type": "end", "outcome": "referred" } ],
          "transitions": [
            { "from": "prepare", "outcome": "ready", "to": "ask-shelter" },
            { "from": "ask-shelter", "outcome": "accepted", "to": "done" },
            { "from": "ask-shelter", "outcome": "declined", "to": "done" } ] }
        """;

    // The referrals here have no sending organisation: the network's coordinator gets the staff's messages.
    private const string Directory = """
        network:
          coordinator: fr-network-desk
        organisations:
          - id: fr-network
            name: Réseau Coordination
            kind: ngo
            country: FR
            services: [social]
            contacts:
              - { id: fr-network-desk, name: Coordination desk, email: coordination@reseau.example.org, language: en, authorised: true, staffRoles: [coordinator] }
          - id: fr-foyer
            name: Foyer Lumière
            kind: shelter
            country: FR
            services: [shelter]
            contacts:
              - { id: fr-foyer-intake, name: Marguerite Dufresne-Okafor, email: accueil@foyer-lumiere.example.org, language: en, authorised: true, backup: fr-foyer-night }
              - { id: fr-foyer-night, name: Night desk, email: nuit@foyer-lumiere.example.org, language: en, authorised: true }
          - id: be-refuge
            name: Refuge Bruxelles
            kind: shelter
            country: BE
            services: [shelter]
            contacts:
              - { id: be-refuge-intake, name: Jean-Baptiste Kowalczyk, email: intake@refuge.example.org, language: en, authorised: true }
        """;

    private readonly TempDirectory folder;

    private ConsentHarness(RuntimeHarness runtime, TempDirectory folder)
    {
        Runtime = runtime;
        this.folder = folder;
    }

    public RuntimeHarness Runtime { get; }
    public string MailFolder => folder.Combine("mail");
    public DateTimeOffset Now => Runtime.Clock.GetUtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    private const string CoordinatorLadder = """[{ "after": "P1D", "to": "coordinator" }]""";

    /// <summary>The request's ladder with the partner's backup first: a day after the due time to Foyer Lumière's night
    /// desk, two days after to the network's coordinator.</summary>
    public const string BackupLadder = """[{ "after": "P1D", "to": "backup" }, { "after": "P2D", "to": "coordinator" }]""";

    /// <param name="needs">The request step's consentNeeds ("written", "own"); none by default.</param>
    public static Task<ConsentHarness> CreateAsync(string provider, string name, params string[] needs) =>
        CreateAsync(provider, name, CoordinatorLadder, needs);

    /// <param name="ladder">The request step's escalation ladder, as JSON (e.g. <see cref="BackupLadder"/>).</param>
    public static async Task<ConsentHarness> WithLadderAsync(string provider, string name, string ladder) =>
        await CreateAsync(provider, name, ladder, []);

    private static async Task<ConsentHarness> CreateAsync(string provider, string name, string ladder, string[] needs)
    {
        var folder = new TempDirectory("rf-consent");
        System.IO.Directory.CreateDirectory(folder.Combine("workflows"));
        await File.WriteAllTextAsync(folder.Combine("workflows", "consent-check.json"),
            Procedure.Replace("NEEDS", "[" + string.Join(", ", needs.Select(n => $"\"{n}\"")) + "]", StringComparison.Ordinal)
                .Replace("LADDER", ladder, StringComparison.Ordinal));
        var harness = new ConsentHarness(await RuntimeHarness.CreateAsync(provider, name, folder.Combine("workflows")), folder);
        await using var db = harness.Runtime.Open();
        var imported = await DirectoryImport.ImportAsync(db, Directory, DirectoryFormat.Yaml, "consent.yaml");
        Assert.True(imported.Applied, string.Join("\n", imported.Problems));
        return harness;
    }

    /// <summary>A referral with the receiving role given to <paramref name="receiving"/>, waiting on its task.</summary>
    public async Task<StartedReferral> StartAsync(string receiving = "fr-foyer", bool child = false)
    {
        var started = await Runtime.Runtime.StartAsync(Workflow,
            new Dictionary<string, JsonNode?> { ["person.isChild"] = JsonValue.Create(child) }, Actor.Operator("caseworker"));
        await using var db = Runtime.Open();
        await PartnerAssignments.AssignAsync(db, Runtime.Library, started.Id, "receiving", receiving, "caseworker", Now);
        return started;
    }

    /// <summary>Finishes the caseworker task: the procedure reaches the request.</summary>
    public async Task ReachRequestAsync(Guid referralId)
    {
        Guid taskId;
        await using (var db = Runtime.Open())
            taskId = await db.Tasks.Where(t => t.ReferralId == referralId && t.StepId == "prepare" && t.Status == WorkTaskStatus.Open)
                .Select(t => t.Id).SingleAsync();
        await Runtime.Runtime.CompleteTaskWithoutFormAsync(taskId, "ready", new Dictionary<string, JsonNode?>(), Actor.Operator("caseworker"));
    }

    public Task<RecordedConsent> RecordAsync(Guid referralId, string recipient = "fr-foyer", string purpose = "refer",
        string givenBy = "person", bool cosigned = false, DateOnly? expires = null, string form = "written") =>
        ConsentRecording.RecordAsync(Runtime.Open, Runtime.Clock,
            new ConsentInput(referralId, recipient, purpose, form, givenBy, cosigned, null, expires), Actor.Operator("caseworker"));

    /// <summary>A staff user of <paramref name="organisationKey"/> with one role, written as Identity stores it.</summary>
    public async Task<Guid> StaffAsync(string role, string organisationKey = "fr-foyer")
    {
        await using var db = Runtime.Open();
        var organisation = await db.Organisations.SingleAsync(o => o.Key == organisationKey);
        var roleRow = await db.Roles.SingleOrDefaultAsync(r => r.Name == role);
        if (roleRow is null)
        {
            roleRow = new IdentityRole<Guid> { Id = Guid.NewGuid(), Name = role, NormalizedName = role.ToUpperInvariant() };
            db.Roles.Add(roleRow);
        }
        var email = $"{role}.{Guid.NewGuid():N}@{organisationKey}.example.org";
        var user = new StaffUser
        {
            Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), FullName = $"Test {role}", OrganisationId = organisation.Id, CreatedAt = Now,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleRow.Id });
        await db.SaveChangesAsync();
        return user.Id;
    }

    public Task<WithdrawnConsent> WithdrawAsync(Guid consentId, string reason = "changed-mind") =>
        ConsentWithdrawal.WithdrawAsync(Runtime.Open, Runtime.Library, Runtime.Clock, consentId, reason, Actor.Operator("caseworker"));

    public OutboxDelivery Delivery() => Delivery(new PickupEmailSender(MailFolder));

    /// <summary>Delivery through another sender, e.g. the real SMTP server of ./test.sh (MailHarness.RealServer).</summary>
    public OutboxDelivery Delivery(IEmailSender sender) => new(
        Runtime.Open, new DirectoryAddressBook(), sender, MailHarness.Templates,
        new TokenReplyLinks(new ReferralFlow.Core.Replies.ReplyLinks(new Uri("https://referrals.example.org/"), Runtime.Library, Runtime.Clock)),
        Runtime.Library, new MailSettings
        {
            PickupDirectory = MailFolder, From = new MailAddress("ReferralFlow <no-reply@referralflow.example.org>"),
            PublicUrl = new Uri("https://referrals.example.org/"), TemplatesDirectory = MailHarness.RepositoryTemplates,
        }, Runtime.Clock);

    /// <summary>The .eml file delivery wrote for an outbox message.</summary>
    public MailFile Mail(Guid outboxId) =>
        MailFile.Parse(File.ReadAllText(Path.Combine(MailFolder, PickupEmailSender.FileName(MessageIds.For(outboxId)))));

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return Runtime.DisposeAsync();
    }
}
