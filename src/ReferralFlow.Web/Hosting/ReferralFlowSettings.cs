using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Web.Hosting;

/// <summary>
/// The host's settings, under the same names as the CLI's environment variables. Read from configuration
/// (environment, command line, appsettings) when first needed, so that test hosts can override them.
/// </summary>
public sealed record ReferralFlowSettings(string ConnectionString, string WorkflowsDirectory, bool DemoData, bool Workers, string KeysFolder)
{
    public const string Database = DatabaseProvider.EnvironmentVariable;
    public const string Workflows = "REFERRALFLOW_WORKFLOWS";
    public const string Demo = "REFERRALFLOW_DEMO";
    public const string TimerWorkers = "REFERRALFLOW_WORKERS";
    public const string Data = DataFolder.Variable;
    public const string Keys = DataFolder.KeysVariable;

    public static ReferralFlowSettings From(IConfiguration configuration) => new(
        DatabaseProvider.Resolve(configuration[Database]),
        configuration[Workflows] is { Length: > 0 } folder ? folder : WorkflowFiles.DefaultDirectory(),
        Flag(configuration, Demo),
        Flag(configuration, TimerWorkers),
        // The CLI's rule (DataFolder), read through configuration so a test host can point it elsewhere.
        configuration[Keys] is { Length: > 0 } keys ? keys
            : Path.Combine(configuration[Data] is { Length: > 0 } data ? data : "data", "keys"));

    private static bool Flag(IConfiguration configuration, string name) =>
        configuration[name] switch
        {
            null or "" => true,
            var value when bool.TryParse(value, out var flag) => flag,
            "1" or "yes" or "on" => true,
            "0" or "no" or "off" => false,
            _ => throw new ReferralFlowException($"{name} must be true or false."),
        };
}
