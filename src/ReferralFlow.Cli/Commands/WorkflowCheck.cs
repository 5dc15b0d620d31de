using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Cli.Commands;

/// <summary>
/// Validates the files and folders given to <c>workflows validate</c>. A file given alone is checked together
/// with the other procedures of its folder, so that its subworkflows resolve; only the problems of the files
/// asked about are reported.
/// </summary>
internal sealed record WorkflowCheck(IReadOnlyList<string> Files, IReadOnlyList<WorkflowDefinition> Workflows, IReadOnlyList<DefinitionProblem> Problems)
{
    public static WorkflowCheck Run(IReadOnlyList<string> paths)
    {
        var files = new List<string>();
        var problems = new List<DefinitionProblem>();
        var context = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var inFolder = ProcedureFiles(path);
                if (inFolder.Count == 0) problems.Add(new DefinitionProblem(path, null, "$", "the folder holds no procedure files (*.json)"));
                files.AddRange(inFolder);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
                context.AddRange(ProcedureFiles(Path.GetDirectoryName(Path.GetFullPath(path))!));
            }
            else
            {
                problems.Add(new DefinitionProblem(path, null, "$", "no such file or folder: check the path"));
            }
        }
        files = [.. files.DistinctBy(Path.GetFullPath)];
        var asked = files.Select(Path.GetFullPath).ToHashSet();
        // Asked-about files first: a duplicate version is then reported against the context file, which is not shown.
        var load = DefinitionCatalog.LoadFiles([.. files, .. context.DistinctBy(Path.GetFullPath).Where(f => !asked.Contains(Path.GetFullPath(f)))]);
        // The forms beside the asked files are theirs too: a broken form breaks the procedures that show it.
        var formsFolders = files.Select(f => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(f))!, FormCatalog.Folder)).ToHashSet();
        problems.AddRange(load.Problems.Where(p => asked.Contains(Path.GetFullPath(p.File))
            || formsFolders.Contains(Path.GetDirectoryName(Path.GetFullPath(p.File))!)));
        if (problems.Count > 0) return new WorkflowCheck(files, [], problems);
        return new WorkflowCheck(files, [.. files.Select(f => DefinitionLoader.LoadFile(f).Definition!)], problems);
    }

    private static IReadOnlyList<string> ProcedureFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.json")
            .Where(f => !Path.GetFileName(f).Equals(DefinitionCatalog.SchemaFile, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
}
