using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Intake;
using ReferralFlow.Core.Runtime;

namespace ReferralFlow.Tests.Web;

/// <summary>Referrals a test starts beside the web host, owned by the organisation of the host's signed-in caseworker
/// (a referral started without a sending organisation is visible to nobody on the web).</summary>
public static class OwnedReferrals
{
    public static async Task<StartedReferral> StartOwnedAsync(this WebApp app, string workflow, string actor,
        IReadOnlyDictionary<string, JsonNode?>? variables = null)
    {
        var intake = new ReferralIntake
        {
            SendingOrganisation = app.Caseworker.OrganisationId.ToString("D"),
            Variables = variables ?? new Dictionary<string, JsonNode?>(),
        };
        await using var scope = app.Services.CreateAsyncScope();
        var start = scope.ServiceProvider.GetRequiredService<ReferralStart>();
        return (await start.StartAsync(workflow, intake, Actor.Operator(actor))).Referral;
    }

    /// <summary>An owned referral whose receiving role is played by a Romanian test shelter (a partner organisation).</summary>
    public static async Task<(StartedReferral Referral, Core.Partners.Organisation Partner)> StartOwnedWithPartnerAsync(this WebApp app,
        string workflow = "transnational-return")
    {
        var referral = await app.StartOwnedAsync(workflow, "caseworker");
        var partner = await TestStaff.OrganisationAsync(app, "ro-test-shelter", "RO", "shelter");
        await using var db = app.OpenDb();
        await Core.Partners.PartnerAssignments.AssignAsync(db, app.Services.GetRequiredService<Core.Definitions.WorkflowLibrary>(),
            referral.Id, "receiving", partner.Key, "caseworker", DateTimeOffset.UtcNow);
        return (referral, partner);
    }
}
