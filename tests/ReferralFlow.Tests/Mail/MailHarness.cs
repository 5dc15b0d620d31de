using ReferralFlow.Core.Acting;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Mail;

/// <summary>
/// A runtime on one provider with a small procedure whose start queues a notice to the border police and a
/// request to the receiving partner (with reminder, backup, coordinator and timeout rungs), a fake directory,
/// the repository's templates, and outbox deliveries built on demand.
/// </summary>
public sealed class MailHarness : IAsyncDisposable
{
    public const string Workflow = "mail-check";

    private const string Procedure = """
        { "id": "mail-check", "version": 1, "title": "Mail check", "start": "tell-police",
          "steps": [
            { "id": "tell-police", "type": "notify", "to": "border-police", "notice": "departure-notice" },
            { "id": "ask-shelter", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted", "declined", "needs-information", "timeout"], "due": "P3D", "remind": ["-P1D"],
              "escalate": [{ "after": "P1D", "to": "backup" }, { "after": "P2D", "to": "coordinator" }, { "after": "P5D", "to": "timeout" }] },
            { "id": "done", "type": "end", "outcome": "returned" } ],
          "transitions": [
            { "from": "tell-police", "outcome": "done", "to": "ask-shelter" },
            { "from": "ask-shelter", "outcome": "accepted", "to": "done" },
            { "from": "ask-shelter", "outcome": "declined", "to": "done" },
            { "from": "ask-shelter", "outcome": "needs-information", "to": "done" },
            { "from": "ask-shelter", "outcome": "timeout", "to": "done" } ] }
        """;

    private readonly TempDirectory folder;

    private MailHarness(RuntimeHarness runtime, TempDirectory folder)
    {
        Runtime = runtime;
        this.folder = folder;
    }

    public static string RepositoryTemplates => Path.Combine(Path.GetDirectoryName(RuntimeHarness.RepositoryWorkflows)!, "templates");

    public static TemplateSet Templates { get; } = TemplateSet.Load(RepositoryTemplates);

    public RuntimeHarness Runtime { get; }
    public FakeAddressBook AddressBook { get; } = new();
    public string PickupDirectory => folder.Combine("mail");

    /// <param name="procedure">Another procedure with the id "mail-check", for tests of what a step declares.</param>
    public static async Task<MailHarness> CreateAsync(string provider, string name, string? procedure = null)
    {
        var folder = new TempDirectory("rf-mail");
        Directory.CreateDirectory(folder.Combine("workflows"));
        await File.WriteAllTextAsync(folder.Combine("workflows", "mail-check.json"), procedure ?? Procedure);
        return new MailHarness(await RuntimeHarness.CreateAsync(provider, name, folder.Combine("workflows")), folder);
    }

    public MailSettings Settings(int maxAttempts = MailSettings.DefaultMaxAttempts) => new()
    {
        PickupDirectory = PickupDirectory,
        From = new MailAddress("ReferralFlow <no-reply@referralflow.example.org>"),
        PublicUrl = new Uri("https://referrals.example.org/"),
        TemplatesDirectory = RepositoryTemplates,
        MaxAttempts = maxAttempts,
    };

    /// <param name="addressBook">The real directory's, for tests that import one; the fake by default.</param>
    public OutboxDelivery Delivery(IEmailSender sender, int maxAttempts = MailSettings.DefaultMaxAttempts, IAddressBook? addressBook = null) => new(
        Runtime.Open, addressBook ?? AddressBook, sender, Templates,
        new TokenReplyLinks(new ReferralFlow.Core.Replies.ReplyLinks(new Uri("https://referrals.example.org/"), Runtime.Library, Runtime.Clock)),
        Runtime.Library, Settings(maxAttempts), Runtime.Clock);

    public Task<StartedReferral> StartAsync(string actor = "caseworker") =>
        Runtime.Runtime.StartAsync(Workflow, new Dictionary<string, JsonNode?>(), Actor.Operator(actor));

    public async Task<List<OutboxMessage>> OutboxAsync(Guid referralId)
    {
        await using var db = Runtime.Open();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ReferralId == referralId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync();
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return Runtime.DisposeAsync();
    }

    /// <summary>The SMTP server ./test.sh started. Tests that need it fail (never skip) when it is not there.</summary>
    public static SmtpEmailSender RealServer() => new(SmtpSettings.Parse(
        Environment.GetEnvironmentVariable("REFERRALFLOW_TEST_SMTP") is { Length: > 0 } url ? url
            : throw new InvalidOperationException("SMTP tests need REFERRALFLOW_TEST_SMTP; run ./test.sh, which starts aiosmtpd")));

    /// <summary>A loopback port nothing listens on: connections are refused at once.</summary>
    public static SmtpEmailSender ClosedPort()
    {
        using var socket = new TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        var port = ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return new SmtpEmailSender(new SmtpSettings("127.0.0.1", port, StartTls: false, User: null, Password: null));
    }

    /// <summary>The messages with these Message-IDs that the test server wrote into its Maildir (shared by all tests).</summary>
    public static IReadOnlyList<MailFile> Delivered(IEnumerable<Guid> outboxIds)
    {
        var maildir = Environment.GetEnvironmentVariable("REFERRALFLOW_TEST_MAILDIR") is { Length: > 0 } dir ? dir
            : throw new InvalidOperationException("SMTP tests need REFERRALFLOW_TEST_MAILDIR; run ./test.sh");
        var wanted = outboxIds.Select(MessageIds.For).ToHashSet(StringComparer.Ordinal);
        return [.. new[] { "new", "cur" }.Select(sub => Path.Combine(maildir, sub)).Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(file => MailFile.Parse(File.ReadAllText(file)))
            .Where(mail => mail.MessageId is { } id && wanted.Contains(id))];
    }
}
