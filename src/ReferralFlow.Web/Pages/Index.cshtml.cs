using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ReferralFlow.Core;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Intake;
using ReferralFlow.Web.Hosting;
using ReferralFlow.Web.SignIn;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Web.Pages;

/// <summary>The referrals the user's organisation takes part in, and (for caseworkers) the form that starts one, owned by
/// their organisation.</summary>
public sealed class IndexModel(ReferralFlowDb db, ReferralStart start, WorkflowLibrary library, StaffAccess access) : PageModel
{
    public IReadOnlyList<ReferralRow> Referrals { get; private set; } = [];

    /// <summary>The latest published version of each procedure, with the facts it takes as input.</summary>
    public IReadOnlyList<StartableWorkflow> Workflows { get; private set; } = [];

    public bool MayStart { get; private set; }

    [BindProperty] public string? Workflow { get; set; }

    [BindProperty] public string? Input { get; set; }

    [TempData] public string? Message { get; set; }

    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        try
        {
            if (!access.Member.IsCaseworker) return Forbid();
            if (Workflow is not { Length: > 0 } workflow) throw new ReferralFlowException("Choose a workflow to start.");
            var input = string.IsNullOrWhiteSpace(Input) ? new Dictionary<string, JsonNode?>() : VariableValues.ParseObject(Input);
            var intake = new ReferralIntake { SendingOrganisation = access.Member.OrganisationId.ToString("D"), Variables = input };
            var started = (await start.StartAsync(workflow, intake, PageActor.For(HttpContext), ct)).Referral;
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
        Referrals = await ReferralList.LoadAsync(db, access, ct);
        MayStart = access.Member.IsCaseworker;
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
