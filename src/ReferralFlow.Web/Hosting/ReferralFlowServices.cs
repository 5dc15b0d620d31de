using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Web.Demo;

namespace ReferralFlow.Web.Hosting;

public static class ReferralFlowServices
{
    /// <summary>The runtime and its database. Settings are resolved on first use, after every configuration
    /// source (including a test host's) has been added.</summary>
    public static IServiceCollection AddReferralFlow(this IServiceCollection services)
    {
        services.AddSingleton(provider => ReferralFlowSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Func<ReferralFlowDb>>(provider =>
        {
            var settings = provider.GetRequiredService<ReferralFlowSettings>();
            // The audit chain is sealed with the key in the keys folder the CLI uses too.
            var options = DatabaseProvider.Options(settings.ConnectionString, settings.KeysFolder);
            // Every engine step opens a context: pooling keeps that cheap.
            return new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<ReferralFlowDb>(options).CreateDbContext;
        });
        // Pages and read endpoints take a context per request; the runtime opens its own per transaction.
        services.AddScoped(provider => provider.GetRequiredService<Func<ReferralFlowDb>>()());
        services.AddSingleton<WorkflowLibrary>();
        services.AddSingleton<ReferralRuntime>();
        // The person's data is encrypted with the keys the CLI uses too (REFERRALFLOW_KEYS, else REFERRALFLOW_DATA/keys).
        services.AddSingleton(provider => PersonalDataProtector.ForKeys(provider.GetRequiredService<ReferralFlowSettings>().KeysFolder));
        services.AddSingleton<ReferralStart>();
        services.AddSingleton<DemoReferrals>();
        services.AddSingleton<DemoUsers>();
        services.AddReferralFlowMail();
        return services;
    }

    /// <summary>Start-up work first (migrate, publish, demo data), so that the timer and outbox workers and the server
    /// start on a ready database: hosted services start in registration order, before the server.</summary>
    public static IServiceCollection AddReferralFlowWorkers(this IServiceCollection services)
    {
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<TimerLoop>();
        services.AddHostedService<OutboxLoop>();
        return services;
    }
}
