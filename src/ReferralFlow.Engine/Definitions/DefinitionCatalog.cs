using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Engine.Definitions;

/// <summary>A set of loaded procedures (e.g. the workflows/ folder), by id and version.</summary>
public sealed class DefinitionCatalog
{
    public const string SchemaFile = "workflow.schema.json";

    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> _byKey;

    private DefinitionCatalog(Dictionary<(string, int), WorkflowDefinition> byKey)
    {
        _byKey = byKey;
        All = [.. byKey.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Version)];
    }

    public IReadOnlyList<WorkflowDefinition> All { get; }

    public WorkflowDefinition? Find(string id, int version) => _byKey.GetValueOrDefault((id, version));

    public WorkflowDefinition? Latest(string id) => All.LastOrDefault(d => d.Id == id);

    /// <summary>Builds a catalog from already valid definitions; the same (id, version) twice is a programming error.</summary>
    public static DefinitionCatalog From(IEnumerable<WorkflowDefinition> definitions)
    {
        var byKey = new Dictionary<(string, int), WorkflowDefinition>();
        foreach (var definition in definitions)
            if (!byKey.TryAdd((definition.Id, definition.Version), definition))
                throw new ArgumentException($"Workflow '{definition.Id}' version {definition.Version} is given twice.", nameof(definitions));
        return new DefinitionCatalog(byKey);
    }

    /// <summary>Loads every file, then checks what one file cannot check alone (subworkflows, duplicate versions).</summary>
    public static DefinitionCatalogLoad LoadFiles(IEnumerable<string> paths)
    {
        var problems = new List<DefinitionProblem>();
        var loaded = new List<(WorkflowDefinition Definition, string File)>();
        var broken = new HashSet<string>();
        var byKey = new Dictionary<(string, int), WorkflowDefinition>();
        var files = new Dictionary<(string, int), string>();
        var pathList = paths.ToList();
        foreach (var path in pathList)
        {
            var (result, id) = DefinitionLoader.LoadFileWithId(path);
            problems.AddRange(result.Problems);
            if (result.Definition is not { } definition)
            {
                if (id is not null) broken.Add(id);
                continue;
            }
            var key = (definition.Id, definition.Version);
            if (files.TryGetValue(key, out var first))
            {
                problems.Add(new DefinitionProblem(path, null, "$.version", $"workflow '{definition.Id}' version {definition.Version} " +
                    $"is already defined in {first}: a published version never changes, so raise 'version' or remove one of the files"));
                continue;
            }
            files[key] = path;
            byKey[key] = definition;
            loaded.Add((definition, path));
        }
        var catalog = new DefinitionCatalog(byKey);
        foreach (var (definition, file) in loaded)
            problems.AddRange(CatalogChecks.Subworkflows(catalog, definition, file, broken));
        problems.AddRange(FormProblems(pathList, loaded));
        return new DefinitionCatalogLoad(catalog, problems);
    }

    /// <summary>The forms folder beside each folder of procedures: its own problems, and the forms the tasks name.</summary>
    private static IEnumerable<DefinitionProblem> FormProblems(IEnumerable<string> paths, List<(WorkflowDefinition Definition, string File)> loaded)
    {
        var problems = new List<DefinitionProblem>();
        foreach (var folder in paths.Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Distinct())
        {
            var formsFolder = Path.Combine(folder, FormCatalog.Folder);
            var forms = FormCatalog.LoadDirectory(formsFolder);
            problems.AddRange(forms.Problems);
            var here = loaded.Where(l => Path.GetDirectoryName(Path.GetFullPath(l.File)) == folder).ToList();
            problems.AddRange(FormChecks.Check(here, forms, formsFolder));
        }
        return problems.Distinct();
    }

    /// <summary>Every *.json in the folder (not its subfolders) except the JSON schema, in name order.</summary>
    public static DefinitionCatalogLoad LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            return new DefinitionCatalogLoad(From([]),
                [new DefinitionProblem(directory, null, "$", "the folder does not exist: give the folder that holds the procedure files")]);
        var paths = Directory.EnumerateFiles(directory, "*.json")
            .Where(p => !string.Equals(Path.GetFileName(p), SchemaFile, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return LoadFiles(paths);
    }
}
