using System.Text.RegularExpressions;
using ReferralFlow.Engine.Simulation;
using static ReferralFlow.Engine.Tests.Execution.Workflows;

namespace ReferralFlow.Engine.Tests.Simulation;

public sealed class TimelineFormatterTests
{
    private static readonly SimulationResult Result = new Simulator(Catalog(Procedures.Monitoring, Procedures.Return))
        .Run("transnational-return", SimulationScript.Parse("""{ "start": "2027-01-04T09:00:00Z" }"""));

    [Fact]
    public void Each_event_is_one_dated_line_with_workflow_step_kind_and_detail()
    {
        var lines = TimelineFormatter.Lines(Result);

        Assert.Equal(Result.Timeline.Count + 1, lines.Count);
        Assert.Equal(["2027-01-04 09:00", "transnational-return", "intake", "task-created", "caseworker, due 2027-01-11 09:00"],
            Regex.Split(lines[1], " {2,}"));
        Assert.Equal(["2027-01-04 09:00", "transnational-return", "-", "started", "transnational-return v1"],
            Regex.Split(lines[0], " {2,}"));
    }

    [Fact]
    public void Columns_line_up_and_the_last_line_says_how_it_ended()
    {
        var lines = TimelineFormatter.Lines(Result);

        var kindColumn = lines[0].IndexOf("started", StringComparison.Ordinal);
        Assert.All(lines.SkipLast(1), l => Assert.Equal(' ', l[kindColumn - 1]));
        Assert.Contains(lines, l => l.StartsWith("2027-01-08 09:00  monitoring            -", StringComparison.Ordinal));
        Assert.Equal("END: ended 'returned' on 2027-02-10 09:00, 37 days after the start", lines[^1]);
        Assert.Equal(string.Join(Environment.NewLine, lines) + Environment.NewLine, TimelineFormatter.Format(Result));
    }
}
