using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Tests.Access;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.CaseCodes;

/// <summary>Pages and API find a referral by its case code, a suffixed one included, with its '/' as typed or encoded.</summary>
public class CaseCodeWebTests
{
    [Fact]
    public async Task A_suffixed_case_code_opens_its_procedure_on_the_page_and_in_the_api_plain_or_encoded()
    {
        await using var app = new WebApp();
        var client = app.Caseworker.Client(app, followRedirects: false);
        var parentId = await ApiTests.StartAsync(client, "transnational-return");
        Referral parent;
        var childId = Guid.NewGuid();
        await using (var db = app.OpenDb())
        {
            parent = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == parentId);
            // A follow-up running alongside its parent, as the runtime records one.
            db.Referrals.Add(new Referral
            {
                Id = childId, CaseCode = CaseCode.Suffixed(parent.CaseCode, 2), CasePart = 2, WorkflowId = "monitoring",
                WorkflowVersion = 2, StateJson = "{}", StartedAt = parent.StartedAt, ParentReferralId = parent.Id,
                SendingOrganisationId = parent.SendingOrganisationId,
            });
            await db.SaveChangesAsync();
        }

        foreach (var path in new[] { $"/referrals/{parent.CaseCode}/2", $"/referrals/{parent.CaseCode}%2F2", $"/referrals/{parent.CaseCode.ToLowerInvariant()}/2" })
        {
            using var page = await client.GetAsync(path);
            Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"{path}: {page.StatusCode}");
            Assert.Equal($"/referrals/{childId}", page.Headers.Location?.OriginalString);
        }
        using (var plain = await client.GetAsync($"/referrals/{parent.CaseCode}"))
            Assert.Equal($"/referrals/{parent.Id}", plain.Headers.Location?.OriginalString);
        using (var missing = await client.GetAsync($"/referrals/{parent.CaseCode}/3"))
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{parent.CaseCode}%2F2");
        Assert.Equal((childId, $"{parent.CaseCode}/2"), (shown.GetProperty("id").GetGuid(), shown.GetProperty("caseCode").GetString()));
        var linked = Assert.Single(shown.GetProperty("linked").EnumerateArray());
        Assert.Equal(("parent", parent.Id), (linked.GetProperty("relation").GetString(), linked.GetProperty("id").GetGuid()));
        var byPath = await client.GetFromJsonAsync<JsonElement>($"/api/referrals/{parent.CaseCode}/2");
        Assert.Equal(childId, byPath.GetProperty("id").GetGuid());

        // The page names the other procedure with its code and its procedure, both ways.
        var parentPage = await client.GetStringAsync($"/referrals/{parent.Id}");
        Assert.Contains($"{parent.CaseCode}/2 Monitoring", parentPage);
    }
}
