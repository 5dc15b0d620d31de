using Microsoft.Extensions.DependencyInjection.Extensions;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Web.Hosting;

public static class MailServices
{
    /// <summary>Outbox delivery: settings under the CLI's names (REFERRALFLOW_SMTP or an <c>Smtp</c> section,
    /// REFERRALFLOW_MAIL_DIR, REFERRALFLOW_MAIL_FROM, REFERRALFLOW_PUBLIC_URL …), read on first use like the others.</summary>
    public static IServiceCollection AddReferralFlowMail(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            return MailSettings.Read(name => configuration[name], provider.GetRequiredService<ReferralFlowSettings>().ConnectionString, OwnAddress(configuration));
        });
        services.AddSingleton(provider => provider.GetRequiredService<MailSettings>().CreateSender());
        services.AddSingleton(provider => TemplateSet.Load(provider.GetRequiredService<MailSettings>().TemplatesDirectory));
        // Replaced by signed reply tokens when the reply pages exist; until then links name the answers only.
        services.TryAddSingleton<IReplyLinks>(provider => new TokenReplyLinks(provider.GetRequiredService<ReferralFlow.Core.Replies.ReplyLinks>()));
        // The partner directory's host wiring may register its own (configured) address book first.
        services.TryAddSingleton<IAddressBook>(provider => new DirectoryAddressBook());
        services.AddSingleton(provider => new OutboxDelivery(
            provider.GetRequiredService<Func<ReferralFlowDb>>(),
            provider.GetRequiredService<IAddressBook>(),
            provider.GetRequiredService<IEmailSender>(),
            provider.GetRequiredService<TemplateSet>(),
            provider.GetRequiredService<IReplyLinks>(),
            provider.GetRequiredService<WorkflowLibrary>(),
            provider.GetRequiredService<MailSettings>(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>The first address the host listens on (--urls, ASPNETCORE_URLS), with a wildcard host made
    /// reachable, so that links work on a developer's machine without REFERRALFLOW_PUBLIC_URL.</summary>
    private static string? OwnAddress(IConfiguration configuration) =>
        configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            ?.Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
}
