using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Web.Pages;

public sealed class IndexModel(ReferralFlowDb db, ReferralRuntime runtime, WorkflowLibrary library) : PageModel
{
    public IReadOnlyList<ReferralRow> Referrals { get; private set; } = [];

    /// <summary>The latest published version of each procedure, with the facts it takes as input.</summary>
    public IReadOnlyList<StartableWorkflow> Workflows { get; private set; } = [];

    [BindProperty] public string? Workflow { get; set; }

    [BindProperty] public string? Input { get; set; }

    [TempData] public string? Message { get; set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        try
        {
            if (Workflow is not { Length: > 0 } workflow) throw new ReferralFlowException("Choose a workflow to start.");
            var input = string.IsNullOrWhiteSpace(Input) ? new Dictionary<string, JsonNode?>() : VariableValues.ParseObject(Input);
            var started = await runtime.StartAsync(workflow, input, PageActor.For(HttpContext), ct);
            Message = $"Referral {started.CaseCode} started.";
            return RedirectToPage("/Referrals/Detail", new { id = started.Id });
        }
        catch (Exception e) when (e is ReferralFlowException or WorkflowInputException)
        {
            Error = e.Message;
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Referrals = await ReferralList.LoadAsync(db, ct);
        var latest = (await WorkflowQueries.ListPublishedAsync(db, ct))
            .GroupBy(w => w.Id).Select(g => g.MaxBy(w => w.Version)!).OrderBy(w => w.Title);
        var workflows = new List<StartableWorkflow>();
        foreach (var published in latest)
        {
            var definition = await library.GetAsync(db, published.Id, published.Version, ct);
            var inputs = definition.Variables.Where(v => v.Value.Input)
                .Select(v => $"{v.Key} ({v.Value.Type.ToString().ToLowerInvariant()})");
            workflows.Add(new StartableWorkflow(published.Id, published.Version, published.Title, [.. inputs]));
        }
        Workflows = workflows;
    }
}

public sealed record StartableWorkflow(string Id, int Version, string Title, IReadOnlyList<string> Inputs);
