using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Replies;
using ReferralFlow.Tests.Partners;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Forwarding;

/// <summary>A court appearance the test caseworker's organisation started, whose first request (informing the person of
/// the hearing) went to Shelter B of the small Romanian directory with B's reply links.</summary>
internal sealed record ForwardCase(Guid ReferralId, Guid HandOffId, IReadOnlyList<ReplyLink> Links)
{
    public string Path(string outcome = "informed") => new Uri(Links.Single(l => l.Outcome == outcome).Url).AbsolutePath;

    public string ForwardPath(string outcome = "informed") => Path(outcome) + "/forward";

    public static async Task<ForwardCase> StartAsync(WebApp app, ReplyLinks links)
    {
        await using (var seed = app.OpenDb())
            Assert.True((await DirectoryImport.ImportAsync(seed, Directories.Small, DirectoryFormat.Yaml, "small.yaml")).Applied);
        var created = await app.CreateClient().PostAsJsonAsync("/api/referrals", new
        {
            workflow = "court-appearance", receivingOrganisation = "ro-shelter-b",
            variables = new Dictionary<string, object> { ["court.hearingAt"] = "2027-03-01T09:00:00Z" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using var db = app.OpenDb();
        // The role was assigned as the referral started, after its first request was queued: the gate had nobody to
        // check then, and the links are issued here as the mail worker would, to B's authorised contact.
        var handOff = await db.HandOffs.Where(h => h.ReferralId == id && h.StepId == "inform-person").Select(h => h.Id).SingleAsync();
        var contact = await db.Contacts.Where(c => c.Key == "b-intake").Select(c => c.Id).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var issued = await links.IssueAsync(db, handOff, contact, CancellationToken.None);
        await transaction.CommitAsync();
        return new ForwardCase(id, handOff, issued);
    }
}
