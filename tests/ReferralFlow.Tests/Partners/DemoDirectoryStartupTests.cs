using Microsoft.EntityFrameworkCore;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Partners;

public class DemoDirectoryStartupTests
{
    [Fact]
    public async Task The_first_run_loads_the_demo_directory_and_a_restart_keeps_the_coordinators_edits()
    {
        using var file = new SqliteFile();
        await using (var app = new WebApp(demo: true, database: file))
        {
            _ = app.CreateClient();
            await using var db = app.OpenDb();
            Assert.True(await db.Organisations.CountAsync() >= 30);
            var adpare = await db.Organisations.SingleAsync(o => o.Key == "ro-adpare");
            adpare.Name = "ADPARE (edited by a coordinator)";
            db.Contacts.RemoveRange(db.Contacts.Where(c => c.Key == "ro-adpare-communication"));
            await db.SaveChangesAsync();
        }

        await using var again = new WebApp(demo: true, database: file);
        _ = again.CreateClient();

        await using var check = again.OpenDb();
        Assert.Equal("ADPARE (edited by a coordinator)", (await check.Organisations.SingleAsync(o => o.Key == "ro-adpare")).Name);
        Assert.False(await check.Contacts.AnyAsync(c => c.Key == "ro-adpare-communication"));
    }

    [Fact]
    public async Task Without_demo_data_the_directory_stays_empty()
    {
        await using var app = new WebApp(demo: false);
        // Started without a signed-in client, whose test organisation would be the directory's only entry.
        _ = app.Services;

        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Organisations.CountAsync());
    }
}
