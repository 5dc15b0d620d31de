using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Consent;

/// <summary>The caseworker sees the consent-needed task, and why, in the web inbox.</summary>
public class ConsentInboxTests
{
    [Fact]
    public async Task The_web_inbox_lists_the_consent_needed_task_with_its_reason()
    {
        await using var app = new WebApp();
        var client = app.CreateClient();
        var id = await ApiTests.StartAsync(client, "transnational-return");
        var runtime = app.Services.GetRequiredService<ReferralRuntime>();
        await using (var db = app.OpenDb())
        {
            if (!await db.Organisations.AnyAsync(o => o.Key == "ro-adpare"))
                Assert.True((await DirectoryImport.ImportFileAsync(db, Directories.DemoPath)).Applied);
            await PartnerAssignments.AssignAsync(db, app.Services.GetRequiredService<WorkflowLibrary>(), id, "receiving", "ro-adpare",
                "caseworker", app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        foreach (var (step, outcome, variable, value) in new[]
        {
            ("intake-identification", "identified", "referral.source", "ngo"),
            ("risk-needs-assessment", "assessed", "risk.level", "low"),
            ("informed-choice", "return", null, null),
        })
        {
            Guid taskId;
            await using (var db = app.OpenDb())
                taskId = await db.Tasks.Where(t => t.ReferralId == id && t.StepId == step && t.Status == WorkTaskStatus.Open).Select(t => t.Id).SingleAsync();
            var data = variable is null ? new Dictionary<string, JsonNode?>() : new() { [variable] = JsonValue.Create(value) };
            await runtime.CompleteTaskWithoutFormAsync(taskId, outcome, data, Actor.Operator("caseworker"));
        }

        var inbox = System.Net.WebUtility.HtmlDecode(await FormPosts.GetPageAsync(client, "/tasks"));

        Assert.Contains("Consent needed before 'accept-referral' goes to ADPARE (ro-adpare): no consent for 'refer' is recorded", inbox);
        Assert.Contains("--recipient ro-adpare --purpose refer", inbox);
    }
}
