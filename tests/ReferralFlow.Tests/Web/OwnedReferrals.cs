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
}
