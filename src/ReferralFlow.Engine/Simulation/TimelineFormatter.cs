using System.Text;

namespace ReferralFlow.Engine.Simulation;

/// <summary>Prints a rehearsal as aligned, dated lines for coordinators, with how and why it stopped.</summary>
public static class TimelineFormatter
{
    private const string Gap = "  ";

    public static IReadOnlyList<string> Lines(SimulationResult result)
    {
        var rows = result.Timeline.Select(e => (
            At: SimulationScript.Iso(e.At), e.Workflow, Step: e.StepId ?? "-", e.Kind, Detail: e.Detail ?? "")).ToList();
        var workflowWidth = rows.Select(r => r.Workflow.Length).DefaultIfEmpty(0).Max();
        var stepWidth = rows.Select(r => r.Step.Length).DefaultIfEmpty(0).Max();
        var kindWidth = rows.Select(r => r.Kind.Length).DefaultIfEmpty(0).Max();
        var lines = rows.Select(r => string.Join(Gap,
            r.At, r.Workflow.PadRight(workflowWidth), r.Step.PadRight(stepWidth), r.Kind.PadRight(kindWidth), r.Detail).TrimEnd())
            .ToList();
        lines.Add($"{result.Stop switch
        {
            SimulationStop.Ended => "END",
            SimulationStop.Stuck => "STUCK",
            _ => "HORIZON",
        }}: {result.StopReason}");
        return lines;
    }

    public static string Format(SimulationResult result)
    {
        var text = new StringBuilder();
        foreach (var line in Lines(result)) text.AppendLine(line);
        return text.ToString();
    }
}
