using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Web.Hosting;

namespace ReferralFlow.Tests.Web;

/// <summary>The web host on its own SQLite file, with the shipped workflows; demo data and the timer worker
/// are off unless a test turns them on. Never touches ./data.</summary>
/// <remarks>The factory is keyed by a type of the web assembly other than <c>Program</c>: this project also sees
/// the CLI's top-level <c>Program</c> (through its InternalsVisibleTo), which makes the name ambiguous here.</remarks>
public sealed class WebApp : WebApplicationFactory<ReferralFlowSettings>
{
    private readonly SqliteFile database;
    private readonly bool ownsDatabase;
    private readonly string? connectionString;
    private readonly TempDirectory keys = new("rf-keys");

    public WebApp(bool demo = false, TimeProvider? clock = null, bool workers = false, SqliteFile? database = null, CapturedLogs? logs = null,
        bool production = false, string? connectionString = null)
    {
        Production = production;
        this.connectionString = connectionString;
        Logs = logs;
        this.database = database ?? new SqliteFile();
        ownsDatabase = database is null;
        Demo = demo;
        Clock = clock;
        Workers = workers;
    }

    public bool Demo { get; }

    /// <summary>Runs the host as the README's command does (Production) instead of the factory's Development.</summary>
    public bool Production { get; }
    public bool Workers { get; }
    public TimeProvider? Clock { get; }

    /// <summary>When given, receives every log line of the host at every level.</summary>
    public CapturedLogs? Logs { get; }

    /// <summary>The SQLite file, unless a connection string (PostgreSQL) was given.</summary>
    public string ConnectionString => connectionString ?? database.ConnectionString;

    public ReferralFlowDb OpenDb() => new(DatabaseProvider.Options(ConnectionString));

    private TestMember? caseworker;

    /// <summary>The caseworker of <see cref="TestStaff.OwnOrganisation"/> that <see cref="CreateClient()"/>
    /// clients are signed in as (by access token), made on first use. Referrals they start belong to that organisation.</summary>
    public TestMember Caseworker => caseworker ??= TestStaff.MemberAsync(this).GetAwaiter().GetResult();

    /// <summary>A client signed in as <see cref="Caseworker"/>.</summary>
    public new HttpClient CreateClient() => CreateClient(ClientOptions);

    /// <inheritdoc cref="CreateClient()"/>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options) => ClientWith(Caseworker.Token, options);

    /// <summary>A client with no credentials at all. Makes no user, so the directory stays as the host left it.</summary>
    public HttpClient CreateAnonymousClient(bool followRedirects = true) =>
        ClientWith(null, new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });

    /// <summary>A client that sends the access token with every request, the ones that follow a redirect included: the
    /// test client's redirect handler drops the Authorization header when it follows one.</summary>
    public HttpClient ClientWith(string? token, WebApplicationFactoryClientOptions? options = null)
    {
        options ??= ClientOptions;
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect) handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies) handlers.Add(new CookieContainerHandler());
        handlers.Add(new BearerToken(token));
        var client = CreateDefaultClient(options.BaseAddress, [.. handlers]);
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Puts the token on a request that carries no Authorization header (a followed redirect).</summary>
    private sealed class BearerToken(string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null) request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Production) builder.UseEnvironment("Production");
        builder.UseSetting(ReferralFlowSettings.Database, ConnectionString);
        builder.UseSetting(ReferralFlowSettings.Workflows, Path.Combine(AppContext.BaseDirectory, "workflows"));
        builder.UseSetting(ReferralFlowSettings.Demo, Demo ? "true" : "false");
        builder.UseSetting(ReferralFlowSettings.TimerWorkers, Workers ? "true" : "false");
        builder.UseSetting(ReferralFlowSettings.Keys, keys.Path);
        if (Logs is { } logs)
            // A rule for this provider outranks appsettings' category levels: it sees everything.
            builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
        if (Clock is { } clock)
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase) database.Dispose();
        if (disposing) keys.Dispose();
    }
}
