namespace ReferralFlow.Engine.Definitions;

/// <summary>An outcome a step declares, with where it is declared (for "no transition" problems).</summary>
internal sealed record Declared(string Outcome, string Path);

/// <summary>A parallel branch: its name, first step and where that is written.</summary>
internal sealed record BranchStart(string Name, string Start, string Path);

/// <summary>
/// What the graph checks need to know about a step, filled in even when the step itself has problems so
/// transitions, reachability and loops are still checked. <see cref="Step"/> is only used when the whole
/// file is clean.
/// </summary>
internal sealed class ParsedStep(int index, string? id)
{
    public int Index => index;
    public string? Id => id;
    public string Path => $"$.steps[{index}]";

    /// <summary>A known step type, or null when missing or unknown.</summary>
    public string? Type { get; set; }

    /// <summary>Unknown types count as waiting so they never cause a "loop without waiting step" report.</summary>
    public bool IsWaiting { get; set; } = true;

    public List<Declared> Outcomes { get; } = [];

    /// <summary>False when the outcomes could not be read: checks against them would only repeat that problem.</summary>
    public bool OutcomesKnown { get; set; } = true;

    public List<BranchStart> Branches { get; } = [];
    public StepDefinition? Step { get; set; }

    public bool IsEnd => Type == "end";
    public string Describe => Type is null ? $"step '{id}'" : $"{Type} step '{id}'";
}

/// <summary>What the type-specific parsers get: the step's reader and common fields already read.</summary>
internal sealed record StepInput(ObjectReader Reader, ParsedStep Parsed, string Id, string? Title, string? Count, VariableTable Variables)
{
    public Problems Problems => Reader.Problems;

    public void Declare(string outcome, string path) => Parsed.Outcomes.Add(new Declared(outcome, path));

    /// <summary>Reads an "outcomes" list: ids, distinct, and never a recipient name (those mean escalation).</summary>
    public List<string>? ReadOutcomes(bool required, string hint)
    {
        var items = Reader.Strings("outcomes", required, true, hint);
        if (items is null)
        {
            Parsed.OutcomesKnown = false;
            return null;
        }
        var outcomes = new List<string>();
        foreach (var (outcome, path) in items)
        {
            if (!Names.IsId(outcome))
                Problems.Add(Id, path, $"outcome '{outcome}' is not valid: use {Names.IdRule}");
            if (outcomes.Contains(outcome))
            {
                Problems.Add(Id, path, $"outcome '{outcome}' is listed twice on step '{Id}': list each outcome once");
                continue;
            }
            if (EscalationRung.Recipients.Contains(outcome))
                Problems.Add(Id, path, $"outcome '{outcome}' is an escalation recipient name ({Names.List(EscalationRung.Recipients)}), " +
                    "which cannot be an outcome: rename the outcome");
            outcomes.Add(outcome);
            Declare(outcome, path);
        }
        return outcomes;
    }
}
