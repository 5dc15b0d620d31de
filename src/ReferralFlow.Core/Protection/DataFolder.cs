namespace ReferralFlow.Core.Protection;

/// <summary>Where ReferralFlow keeps its files: <c>REFERRALFLOW_DATA</c>, default <c>./data</c>. The Data Protection
/// keys live in its <c>keys</c> folder unless <c>REFERRALFLOW_KEYS</c> names another.</summary>
public static class DataFolder
{
    public const string Variable = "REFERRALFLOW_DATA";
    public const string KeysVariable = "REFERRALFLOW_KEYS";

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : "data";

    public static string KeysPath => Environment.GetEnvironmentVariable(KeysVariable) is { Length: > 0 } path
        ? path
        : System.IO.Path.Combine(Path, "keys");
}
