using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Forms;

/// <summary>Risk assessment submissions for the shipped form, and a CLI run brought to the assessment task.</summary>
internal static class RiskForms
{
    public const string Notes = "Uncle Dragomir Vasilescu threatens her at the shelter gate";

    public static JsonObject Valid(string overall = "low", decimal? pregnancyWeeks = null)
    {
        var form = new JsonObject
        {
            ["physicalHealth"] = "medium", ["physicalHealthNotes"] = "sprained wrist",
            ["emotionalState"] = "medium", ["familyRisk"] = "high", ["familyRiskNotes"] = Notes,
            ["networkRisk"] = "low", ["substanceUseSelfHarm"] = "low", ["dangerWhileWaiting"] = "medium",
            ["specialNeeds"] = pregnancyWeeks is null ? "low" : "high", ["psychiatricCare"] = false,
            ["overallLevel"] = overall,
        };
        if (pregnancyWeeks is { } weeks) form["pregnancyWeeks"] = weeks;
        return form;
    }

    /// <summary>Starts transnational-return and completes the intake; returns the open assessment task.</summary>
    public static async Task<(Guid ReferralId, string CaseCode, string TaskId)> AtAssessmentAsync(CliRun cli)
    {
        var (id, caseCode) = await cli.StartAsync();
        var intake = await cli.OpenTaskAsync(caseCode, "intake-identification");
        await cli.JsonAsync("tasks", "complete", intake["id"]!.GetValue<string>(), "--outcome", "identified", "--form", cli.FormFile("intake-identification"));
        var task = await cli.OpenTaskAsync(caseCode, "risk-needs-assessment");
        return (id, caseCode, task["id"]!.GetValue<string>());
    }

    public static string Write(TempDirectory folder, JsonNode form, string name = "form.json")
    {
        var path = folder.Combine(name);
        File.WriteAllText(path, form.ToJsonString());
        return path;
    }
}
