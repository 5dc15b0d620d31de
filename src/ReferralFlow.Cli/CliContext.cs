using ReferralFlow.Core.Consent;
using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Cli.Output;
using ReferralFlow.Core;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Hosting;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Cli;

/// <summary>
/// What a command that touches the database works with: the output, the clock (pinned by --now), the database
/// (from --db), and the runtime. <see cref="OpenAsync"/> first checks that the database is migrated (setting up a
/// fresh one) and the workflows folder published.
/// </summary>
internal sealed class CliContext
{
    private readonly DbContextOptions<ReferralFlowDb> dbOptions;

    private CliContext(CliOutput output, GlobalValues global)
    {
        Output = output;
        Clock = global.Clock;
        ConnectionString = global.ConnectionString;
        try
        {
            dbOptions = DatabaseProvider.Options(global.ConnectionString, global.KeysFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The SQLite file's folder could not be created.
            throw new ReferralFlowException($"cannot reach the database at {Failures.Target(global.ConnectionString)}: {e.Message.TrimEnd('.')}; " +
                $"check --db or {DatabaseProvider.EnvironmentVariable}");
        }
        catch (ArgumentException e)
        {
            throw new ReferralFlowException($"the database connection string is not valid: {e.Message.TrimEnd('.')}; " +
                $"check --db or {DatabaseProvider.EnvironmentVariable}");
        }
        // The web host's composition root, with this command's clock and database: one library, one runtime.
        var services = new ServiceCollection();
        services.AddSingleton(Clock);
        services.AddSingleton<Func<ReferralFlowDb>>(OpenDb);
        services.AddReferralFlowCore(new ReferralFlowCoreSettings(global.ConnectionString, WorkflowFiles.DefaultDirectory(), global.KeysFolder));
        Services = services.BuildServiceProvider();
        Runtime = Services.GetRequiredService<ReferralRuntime>();
    }

    public CliOutput Output { get; }
    public TimeProvider Clock { get; }
    public string ConnectionString { get; }
    public ReferralRuntime Runtime { get; }

    /// <summary>Built from <see cref="ReferralFlowCore.AddReferralFlowCore(IServiceCollection, ReferralFlowCoreSettings)"/>.</summary>
    public IServiceProvider Services { get; }

    public WorkflowLibrary Library => Runtime.Library;

    // Made on first use: commands that never touch the person's data create no keys folder.
    public PersonalDataProtector Protector => Services.GetRequiredService<PersonalDataProtector>();

    public ReferralFlowDb OpenDb() => new(dbOptions);

    public static async Task<CliContext> OpenAsync(ParseResult parse, CliOutput output, CancellationToken ct)
    {
        var context = Unprepared(parse, output);
        await DatabaseSetup.CheckReadyAsync(context.OpenDb, () => context.Protector, WorkflowFiles.DefaultDirectory(), context.Clock.GetUtcNow(), ct);
        return context;
    }

    /// <summary>For <c>db migrate</c>, which runs the setup itself to report it.</summary>
    public static CliContext Unprepared(ParseResult parse, CliOutput output) => new(output, GlobalOptions.Read(parse));

    /// <summary>The referral named by a GUID or a case code.</summary>
    public async Task<Guid> ReferralIdAsync(string reference, CancellationToken ct)
    {
        await using var db = OpenDb();
        return await ReferralQueries.FindIdAsync(db, reference, ct)
            ?? throw new ReferralFlowException(
                $"No referral '{reference}': give its id or case code (like RF-2027-7KQ3M); list them with 'referralflow referrals list'.");
    }

    public async Task<IReadOnlyList<ConsentSummary>> VitalInterestsAsync(Guid referralId, CancellationToken ct)
    {
        await using var db = OpenDb();
        return await VitalInterests.OpenAsync(db, referralId, Clock.GetUtcNow(), ct);
    }

    /// <summary>The staff user with this e-mail address (as 'users list' shows it).</summary>
    public async Task<Guid> UserIdAsync(string email, CancellationToken ct)
    {
        await using var db = OpenDb();
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct)
            ?? throw new ReferralFlowException($"No user with the e-mail address '{email.Trim()}'; list them with 'referralflow users list'.");
    }

    public async Task<ReferralDetails> ShowAsync(Guid referralId, CancellationToken ct)
    {
        await using var db = OpenDb();
        return await ReferralQueries.ShowAsync(db, referralId, ct)
            ?? throw new ReferralFlowException($"No referral {referralId}; list them with 'referralflow referrals list'.");
    }
}
