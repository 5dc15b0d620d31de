using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Forms;

/// <summary>The forms of one folder (workflows/forms/*.json), by id, with the problems of the files that did not load.</summary>
public sealed record FormCatalog(IReadOnlyDictionary<string, FormDefinition> Forms, IReadOnlySet<string> Broken, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>The forms folder sits beside the procedure files.</summary>
    public const string Folder = "forms";

    public static FormCatalog Beside(string workflowsFolder) => LoadDirectory(Path.Combine(workflowsFolder, Folder));

    /// <summary>A missing folder is no problem by itself: only a task that names a form needs one.</summary>
    public static FormCatalog LoadDirectory(string folder)
    {
        var forms = new Dictionary<string, FormDefinition>();
        var broken = new HashSet<string>();
        var problems = new List<DefinitionProblem>();
        if (!Directory.Exists(folder)) return new FormCatalog(forms, broken, problems);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var result = FormLoader.LoadFile(file);
            problems.AddRange(result.Problems);
            if (result.Form is { } form) forms[form.Id] = form;
            else broken.Add(Path.GetFileNameWithoutExtension(file));
        }
        return new FormCatalog(forms, broken, problems);
    }
}
