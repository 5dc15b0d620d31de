namespace ReferralFlow.Core.Definitions;

/// <summary>Finds the procedure files: REFERRALFLOW_WORKFLOWS, ./workflows, or the copy shipped beside the program.</summary>
public static class WorkflowFiles
{
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("REFERRALFLOW_WORKFLOWS") is { Length: > 0 } configured) return configured;
        var local = Path.Combine(Directory.GetCurrentDirectory(), "workflows");
        return Directory.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "workflows");
    }

    public static IReadOnlyList<string> In(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory, "*.json")
                .Where(f => !Path.GetFileName(f).Equals("workflow.schema.json", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal)]
            : throw new ReferralFlowException($"The workflows folder '{directory}' does not exist; set REFERRALFLOW_WORKFLOWS or run from the repository root.");
}
