using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Tests.Workflows;

/// <summary>The procedure files in the repository's workflows/ folder, loaded once for all tests.</summary>
internal static class ShippedWorkflows
{
    public static readonly string[] Ids = ["transnational-return", "child-return", "monitoring", "court-appearance"];

    private static readonly Lazy<DefinitionCatalogLoad> Loaded = new(() => DefinitionCatalog.LoadDirectory(Folder));

    /// <summary>workflows/ beside ReferralFlow.sln, found by walking up from the test binaries.</summary>
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ReferralFlow.sln")))
                    return Path.Combine(dir.FullName, "workflows");
            throw new InvalidOperationException($"No folder holding ReferralFlow.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static DefinitionCatalogLoad Load() => Loaded.Value;

    /// <summary>The latest version of a shipped procedure; fails with the load problems when it did not load.</summary>
    public static WorkflowDefinition Get(string id)
    {
        var load = Load();
        return load.Catalog.Latest(id)
            ?? throw new InvalidOperationException($"Workflow '{id}' did not load from {Folder}:{Environment.NewLine}" +
                string.Join(Environment.NewLine, load.Problems));
    }
}
