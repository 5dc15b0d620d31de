using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using ReferralFlow.Core.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Core.Hosting;

/// <summary>What every host needs to know to build the core: the database, the procedures folder, the keys folder.</summary>
public sealed record ReferralFlowCoreSettings(string ConnectionString, string WorkflowsDirectory, string KeysFolder);

/// <summary>
/// The one composition root of the core, shared by the web host (pages, API, reply pages, demo) and the command line:
/// one database factory, one workflow library, one runtime, one protector, so that no host builds a second of any.
/// </summary>
public static class ReferralFlowCore
{
    /// <param name="settings">Read when first needed, so that a host can resolve them from configuration that is
    /// complete only once the container is built (a test host's overrides).</param>
    public static IServiceCollection AddReferralFlowCore(this IServiceCollection services, Func<IServiceProvider, ReferralFlowCoreSettings> settings)
    {
        services.TryAddSingleton<ReferralFlowCoreSettings>(provider => settings(provider));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Func<ReferralFlowDb>>(provider =>
        {
            var core = provider.GetRequiredService<ReferralFlowCoreSettings>();
            // The audit chain is sealed with the key in the keys folder, which every host of one database shares.
            var options = DatabaseProvider.Options(core.ConnectionString, core.KeysFolder);
            // Every engine step opens a context: pooling keeps that cheap.
            return new PooledDbContextFactory<ReferralFlowDb>(options).CreateDbContext;
        });
        // Pages and read endpoints take a context per request; the runtime opens its own per transaction.
        services.TryAddScoped(provider => provider.GetRequiredService<Func<ReferralFlowDb>>()());
        services.TryAddSingleton<WorkflowLibrary>();
        services.TryAddSingleton<ReferralRuntime>();
        services.TryAddSingleton(provider => new FormLibrary(provider.GetRequiredService<ReferralFlowCoreSettings>().WorkflowsDirectory));
        // The person's data is encrypted with keys the web host and the command line share.
        services.TryAddSingleton(provider => PersonalDataProtector.ForKeys(provider.GetRequiredService<ReferralFlowCoreSettings>().KeysFolder));
        services.TryAddSingleton<TaskForms>();
        services.TryAddSingleton<ReferralStart>();
        services.TryAddSingleton<CaseEvents.CaseEventActions>();
        services.TryAddSingleton<ReplyOpening>();
        services.TryAddSingleton<ReplySubmission>();
        services.TryAddSingleton<Forwarding.ReplyForwarding>();
        services.TryAddSingleton(provider => new HandOffProgress(
            provider.GetRequiredService<Func<ReferralFlowDb>>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<PersonalDataProtector>()));
        // Staff users: Identity on this database, its tokens protected with the keys folder's Data Protection key ring
        // (the web host's cookies too), so that a user made on the command line signs in on the web under the same rules.
        services.AddLogging();
        services.AddDataProtection().SetApplicationName(PersonalDataProtector.ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<ReferralFlowCoreSettings, ILoggerFactory>((options, core, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(core.KeysFolder), logs));
        if (!services.Any(s => s.ServiceType == typeof(UserManager<StaffUser>))) services.AddStaffIdentity();
        return services;
    }

    public static IServiceCollection AddReferralFlowCore(this IServiceCollection services, ReferralFlowCoreSettings settings) =>
        services.AddReferralFlowCore(_ => settings);
}
