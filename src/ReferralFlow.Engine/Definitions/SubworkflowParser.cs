using System.Text.Json;

namespace ReferralFlow.Engine.Definitions;

/// <summary>subworkflow: starts a child procedure; the child itself is checked later by the catalog.</summary>
internal static class SubworkflowParser
{
    public static StepDefinition Parse(StepInput s)
    {
        var r = s.Reader;
        var workflow = r.Id("workflow", true, "the id of the child procedure, e.g. \"monitoring\"");
        var wait = r.Bool("wait", "true to wait for the child to end (the default), false to start it and go on") ?? true;
        s.Parsed.IsWaiting = wait;
        var input = Input(s);
        IReadOnlyList<string> outcomes = [];
        if (wait)
            outcomes = s.ReadOutcomes(true, "the child's end outcomes this step routes on, e.g. [\"completed\"]") ?? [];
        else
        {
            if (r.Has("outcomes"))
                r.Report("outcomes", "a subworkflow with \"wait\": false finishes at once with outcome 'started': " +
                    "remove 'outcomes' or set \"wait\": true");
            s.Declare("started", s.Parsed.Path);
        }
        return new SubworkflowStep
        {
            Id = s.Id, Title = s.Title, Count = s.Count, Workflow = workflow ?? "", Wait = wait,
            Input = input, OutcomeList = outcomes,
        };
    }

    private static Dictionary<string, object> Input(StepInput s)
    {
        var result = new Dictionary<string, object>();
        if (s.Reader.Value("input", false, JsonValueKind.Object,
                "child variable → parent variable name or literal, e.g. { \"months\": \"monitoring.months\" }") is not { } obj)
            return result;
        foreach (var property in obj.EnumerateObject())
        {
            var path = Names.Field(s.Reader.PathOf("input"), property.Name);
            if (result.ContainsKey(property.Name))
            {
                s.Problems.Add(s.Id, path, $"input '{property.Name}' is given twice: keep one");
                continue;
            }
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    s.Variables.Check(s.Problems, s.Id, path, value.GetString()!, $"input '{property.Name}'", null);
                    result[property.Name] = value.GetString()!;
                    break;
                case JsonValueKind.Number when value.TryGetDecimal(out var number):
                    result[property.Name] = number;
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    result[property.Name] = value.GetBoolean();
                    break;
                default:
                    s.Problems.Add(s.Id, path, $"input '{property.Name}' must be a parent variable name (string), " +
                        $"a number or a boolean, not {ObjectReader.KindName(value)}");
                    break;
            }
        }
        return result;
    }
}
