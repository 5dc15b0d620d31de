using ReferralFlow.Core.Hosting;
using ReferralFlow.Web.Demo;

namespace ReferralFlow.Web.Hosting;

public static class ReferralFlowServices
{
    /// <summary>The runtime and its database. Settings are resolved on first use, after every configuration
    /// source (including a test host's) has been added.</summary>
    public static IServiceCollection AddReferralFlow(this IServiceCollection services)
    {
        services.AddSingleton(provider => ReferralFlowSettings.From(provider.GetRequiredService<IConfiguration>()));
        services.AddReferralFlowCore(provider =>
        {
            var settings = provider.GetRequiredService<ReferralFlowSettings>();
            return new ReferralFlowCoreSettings(settings.ConnectionString, settings.WorkflowsDirectory, settings.KeysFolder);
        });
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
