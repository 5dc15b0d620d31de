using System.Text.Json;

namespace ReferralFlow.Engine.Definitions;

/// <summary>parallel: named branches (name → first step) joined by "all" or "any".</summary>
internal static class ParallelParser
{
    public static StepDefinition? Parse(StepInput s)
    {
        var r = s.Reader;
        var branches = new Dictionary<string, string>();
        var obj = r.Value("branches", true, JsonValueKind.Object,
            "branch name → first step, e.g. { \"documents\": \"request-documents\", \"travel\": \"book-travel\" }");
        if (obj is { } o)
        {
            foreach (var property in o.EnumerateObject())
            {
                var path = Names.Field(r.PathOf("branches"), property.Name);
                if (branches.ContainsKey(property.Name))
                {
                    s.Problems.Add(s.Id, path, $"branch '{property.Name}' is listed twice: give each branch its own name");
                    continue;
                }
                if (!Names.IsId(property.Name))
                    s.Problems.Add(s.Id, path, $"branch name '{property.Name}' is not valid: use {Names.IdRule}");
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    s.Problems.Add(s.Id, path, $"branch '{property.Name}' must name its first step as a string, " +
                        $"not {ObjectReader.KindName(property.Value)}");
                    continue;
                }
                branches[property.Name] = property.Value.GetString()!;
                s.Parsed.Branches.Add(new BranchStart(property.Name, property.Value.GetString()!, path));
            }
            if (branches.Count < 2)
                r.Report("branches", $"a parallel step needs at least 2 branches, this one has {branches.Count}: " +
                    "add a branch or use the steps in sequence");
        }

        var join = r.String("join", true, "\"all\" (wait for every branch) or \"any\" (the first branch wins)");
        JoinMode? mode = join switch { "all" => JoinMode.All, "any" => JoinMode.Any, _ => null };
        if (join is not null && mode is null)
            r.Report("join", $"join '{join}' is not known: use \"all\" (wait for every branch) or \"any\" (the first branch wins)");
        if (mode == JoinMode.All) s.Declare("done", r.PathOf("join"));
        else if (mode == JoinMode.Any && obj is not null)
            foreach (var branch in s.Parsed.Branches) s.Declare(branch.Name, branch.Path);
        else s.Parsed.OutcomesKnown = false;

        return mode is null || obj is null ? null
            : new ParallelStep { Id = s.Id, Title = s.Title, Count = s.Count, Branches = branches, Join = mode.Value };
    }
}
