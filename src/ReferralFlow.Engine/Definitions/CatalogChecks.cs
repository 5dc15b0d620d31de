using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>Checks a subworkflow step against the child procedure it starts (its latest version).</summary>
internal static class CatalogChecks
{
    public static IEnumerable<DefinitionProblem> Subworkflows(
        DefinitionCatalog catalog, WorkflowDefinition parent, string file, IReadOnlySet<string> broken)
    {
        for (var i = 0; i < parent.Steps.Count; i++)
        {
            if (parent.Steps[i] is not SubworkflowStep step) continue;
            var path = $"$.steps[{i}]";
            var child = catalog.Latest(step.Workflow);
            if (child is null)
            {
                yield return new DefinitionProblem(file, step.Id, path + ".workflow", broken.Contains(step.Workflow)
                    ? $"workflow '{step.Workflow}' did not load because of its own problems: fix those first"
                    : $"workflow '{step.Workflow}' is not in the catalog: add its file or fix the id" +
                      Names.DidYouMean(step.Workflow, catalog.All.Select(d => d.Id).Distinct()));
                continue;
            }
            var ends = child.Steps.OfType<EndStep>().Select(e => e.Outcome).Distinct().ToList();
            for (var j = 0; step.Wait && j < step.OutcomeList.Count; j++)
                if (!ends.Contains(step.OutcomeList[j]))
                    yield return new DefinitionProblem(file, step.Id, $"{path}.outcomes[{j}]",
                        $"'{step.OutcomeList[j]}' is not an end outcome of workflow '{child.Id}' v{child.Version} " +
                        $"(its end outcomes: {Names.List(ends)}): route only on outcomes the child can end with");
            foreach (var (name, value) in step.Input)
                if (Input(parent, child, name, value) is { } message)
                    yield return new DefinitionProblem(file, step.Id, Names.Field(path + ".input", name), message);
        }
    }

    private static string? Input(WorkflowDefinition parent, WorkflowDefinition child, string name, object value)
    {
        if (!child.Variables.TryGetValue(name, out var variable))
            return $"workflow '{child.Id}' v{child.Version} has no variable '{name}': use one of its input variables " +
                $"({Names.List(child.Variables.Where(v => v.Value.Input).Select(v => v.Key))})";
        if (!variable.Input)
            return $"variable '{name}' of workflow '{child.Id}' is not an input: mark it \"input\": true there or remove it here";
        VariableType? given = value switch
        {
            decimal => VariableType.Number,
            bool => VariableType.Boolean,
            string parentVariable => parent.Variables.TryGetValue(parentVariable, out var p) ? p.Type : null,
            _ => null,
        };
        if (given is not { } type || type == variable.Type) return null;
        var source = value switch
        {
            string s => $"parent variable '{s}'",
            bool b => b ? "the literal true" : "the literal false",
            _ => $"the literal {value}",
        };
        return $"input '{name}' of workflow '{child.Id}' is a {Lower(variable.Type)}, but {source} is a {Lower(type)}: " +
            $"pass a {Lower(variable.Type)}";
    }

    private static string Lower(VariableType type) => type.ToString().ToLowerInvariant();
}
