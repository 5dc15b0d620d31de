using System.Text.Json;

namespace ReferralFlow.Engine.Definitions;

/// <summary>Reads one entry of <c>$.steps</c>: common fields here, the type's own fields in the type parsers.</summary>
internal static class StepParser
{
    public static readonly string[] Types = ["task", "partnerRequest", "notify", "wait", "decision", "parallel", "subworkflow", "end"];

    private static readonly string[] Common = ["id", "type", "title", "count"];
    private static readonly string[] Deadline = ["due", "dueFrom", "remind", "escalate"];
    private static readonly Dictionary<string, string[]> Own = new()
    {
        ["task"] = ["role", "form", "outcomes", "sets", .. Deadline],
        ["partnerRequest"] = ["partner", "request", "find", "outcomes", "sets", "consent", "consentNeeds", "facts", .. Deadline],
        ["notify"] = ["to", "notice", "facts"],
        ["wait"] = ["for", "until"],
        ["decision"] = ["branches", "otherwise"],
        ["parallel"] = ["branches", "join"],
        ["subworkflow"] = ["workflow", "wait", "input", "outcomes"],
        ["end"] = ["outcome"],
    };

    public static ParsedStep? Parse(JsonElement element, int index, Problems problems, VariableTable variables)
    {
        var path = $"$.steps[{index}]";
        var peekedId = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idValue)
            && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
        if (ObjectReader.Open(problems, element, path, peekedId, "a step") is not { } reader) return null;

        var id = reader.Id("id", true, "a unique step id such as \"intake\"");
        if (id == Transition.Join)
            reader.Report("id", $"'{Transition.Join}' is reserved: a transition to \"join\" ends a parallel branch; rename the step");
        var parsed = new ParsedStep(index, id);
        var type = reader.String("type", true, $"one of {Names.List(Types)}");
        if (type is null || !Own.TryGetValue(type, out var fields))
        {
            if (type is not null)
                reader.Report("type", $"unknown step type '{type}': use one of {Names.List(Types)}{Names.DidYouMean(type, Types)}");
            parsed.OutcomesKnown = false;
            return parsed;
        }

        parsed.Type = type;
        parsed.IsWaiting = type is "task" or "partnerRequest" or "wait" or "parallel" or "subworkflow";
        var typed = new ObjectReader(problems, element, path, id, $"{type} step");
        typed.CheckFields([.. Common, .. fields]);
        var title = typed.String("title", false, "a title shown to caseworkers");
        var count = typed.String("count", false, "the name of a number variable");
        if (count is not null)
            variables.Check(problems, id, typed.PathOf("count"), count, "'count'", Conditions.VariableType.Number);

        var input = new StepInput(typed, parsed, id ?? "", title, count, variables);
        parsed.Step = type switch
        {
            "task" => WorkStepParser.Task(input),
            "partnerRequest" => WorkStepParser.PartnerRequest(input),
            "notify" => SimpleStepParser.Notify(input),
            "wait" => SimpleStepParser.Wait(input),
            "end" => SimpleStepParser.End(input),
            "decision" => DecisionParser.Parse(input),
            "parallel" => ParallelParser.Parse(input),
            _ => SubworkflowParser.Parse(input),
        };
        return parsed;
    }
}
