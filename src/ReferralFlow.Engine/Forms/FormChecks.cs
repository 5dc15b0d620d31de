using ReferralFlow.Engine.Conditions;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Engine.Forms;

/// <summary>
/// What a form file and a procedure file cannot check alone: every task's form exists, and every field that feeds a
/// variable fits the variable as each procedure showing the form declares it, and is among the step's "sets" (the
/// engine accepts only those).
/// </summary>
internal static class FormChecks
{
    public static IEnumerable<DefinitionProblem> Check(
        IReadOnlyList<(WorkflowDefinition Definition, string File)> workflows, FormCatalog catalog, string formsFolder)
    {
        foreach (var (definition, file) in workflows)
            for (var i = 0; i < definition.Steps.Count; i++)
            {
                if (definition.Steps[i] is not TaskStep { Form: { } formId } step) continue;
                var path = $"$.steps[{i}]";
                if (!catalog.Forms.TryGetValue(formId, out var form))
                {
                    yield return new DefinitionProblem(file, step.Id, path + ".form", catalog.Broken.Contains(formId)
                        ? $"form '{formId}' did not load because of its own problems: fix those first"
                        : $"form '{formId}' does not exist: add {Path.Combine(formsFolder, formId + ".json")} or fix the name" +
                          Names.DidYouMean(formId, catalog.Forms.Keys));
                    continue;
                }
                foreach (var field in form.Fields.Where(f => f.Variable is not null && !step.Sets.Contains(f.Variable)))
                    yield return new DefinitionProblem(file, step.Id, path + ".sets",
                        $"form '{form.Id}' sets variable '{field.Variable}' from field '{field.Name}', but the step does not list it in " +
                        $"'sets': add \"{field.Variable}\" to 'sets'");
                foreach (var problem in Variables(definition, form, formsFolder))
                    yield return problem;
            }
    }

    private static IEnumerable<DefinitionProblem> Variables(WorkflowDefinition definition, FormDefinition form, string formsFolder)
    {
        var file = Path.Combine(formsFolder, form.Id + ".json");
        for (var i = 0; i < form.Fields.Count; i++)
        {
            var field = form.Fields[i];
            if (field.Variable is not { } name) continue;
            var path = $"$.fields[{i}].variable";
            if (!definition.Variables.TryGetValue(name, out var variable))
            {
                yield return new DefinitionProblem(file, null, path, $"variable '{name}' is not declared in workflow '{definition.Id}', " +
                    $"which shows this form: declare it there or fix the name{Names.DidYouMean(name, definition.Variables.Keys)}");
                continue;
            }
            if (field.VariableType != variable.Type)
            {
                yield return new DefinitionProblem(file, null, path, $"field '{field.Name}' is a {field.Type.Name()} field, but variable " +
                    $"'{name}' of workflow '{definition.Id}' is {variable.Type.WithArticle()}: make the field a {Suited(variable.Type)} field " +
                    "or feed another variable");
                continue;
            }
            foreach (var option in field.Options.Where(o => variable.Values is { } allowed && !allowed.Contains(o)))
                yield return new DefinitionProblem(file, null, path, $"option '{option}' of field '{field.Name}' is not an allowed value " +
                    $"of variable '{name}' in workflow '{definition.Id}' ({Names.List(variable.Values!)}): offer only allowed values");
        }
    }

    private static string Suited(VariableType type) => type switch
    {
        VariableType.Number => "number",
        VariableType.Boolean => "boolean",
        VariableType.Date => "date",
        _ => "text, choice or level",
    };
}
