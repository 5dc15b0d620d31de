using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using ReferralFlow.Core.Access;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Web;
using ReferralFlow.Web.Demo;
using ReferralFlow.Web.Hosting;

namespace ReferralFlow.Tests.Access;

/// <summary>The web host's first run with demo data makes staff to sign in as; their passwords go to the console only.</summary>
public class DemoUsersTests
{
    [Fact]
    public async Task The_first_demo_run_makes_five_users_with_passwords_on_the_console_and_a_later_start_only_says_they_exist()
    {
        using var file = new SqliteFile();
        var logs = new CapturedLogs();
        var console = new StringWriter();
        await using (var app = new WebApp(demo: true, database: file, logs: logs))
        {
            await using var started = WithConsole(app, console);
            _ = started.Services; // starts the host, without signing a test user in
        }

        var lines = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var passwordLines = lines.Where(l => l.Contains("password:", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, passwordLines.Count);
        Assert.All(passwordLines, l => Assert.Matches(@"^Demo user: \S+@\S+\.demo\.example\.org  role: \w+  organisation: .+  password: \S{12,}$", l));
        var passwords = passwordLines.Select(l => l[(l.LastIndexOf("password: ", StringComparison.Ordinal) + 10)..]).ToList();
        Assert.Equal(5, passwords.Distinct().Count());
        Assert.All(passwords, p => Assert.DoesNotContain(logs.Lines, log => log.Contains(p, StringComparison.Ordinal)));

        await using (var db = new Core.Persistence.ReferralFlowDb(Core.Persistence.DatabaseProvider.Options(file.ConnectionString)))
        {
            var users = await db.Users.Join(db.Organisations, u => u.OrganisationId, o => o.Id, (u, o) => new { u.Id, u.Email, o.Key })
                .ToListAsync();
            var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
            var made = users.Select(u => (u.Key, Assert.Single(roles, r => r.UserId == u.Id).Name!)).Order().ToList();
            Assert.Equal(DemoUsers.Accounts.Select(a => (a.Organisation, a.Role)).Order(), made);
            Assert.Equal(
            [
                ("de-koofra", StaffRoles.Administrator), ("de-koofra", StaffRoles.Caseworker), ("de-koofra", StaffRoles.Coordinator),
                ("ro-adpare", StaffRoles.Caseworker), ("ro-adpare", StaffRoles.Coordinator),
            ], made);
            Assert.Contains(users, u => u.Email == "caseworker@de-koofra.demo.example.org");
            Assert.Equal(5, await db.AuditEntries.CountAsync(e => e.Action == StaffUserAdding.Added));
        }

        var again = new StringWriter();
        await using (var app = new WebApp(demo: true, database: file))
        {
            await using var restarted = WithConsole(app, again);
            _ = restarted.CreateClient();
        }
        Assert.DoesNotContain("password:", again.ToString(), StringComparison.Ordinal);
        var exists = Assert.Single(again.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Demo users exist already", exists);
        Assert.Contains("referralflow users reset-password", exists);
        await using (var db = new Core.Persistence.ReferralFlowDb(Core.Persistence.DatabaseProvider.Options(file.ConnectionString)))
            Assert.Equal(5, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Without_demo_data_there_are_no_demo_users()
    {
        using var file = new SqliteFile();
        var console = new StringWriter();
        await using (var app = new WebApp(demo: false, database: file))
        {
            await using var started = WithConsole(app, console);
            _ = started.Services; // starts the host, without signing a test user in
        }

        Assert.Equal("", console.ToString());
        await using var db = new Core.Persistence.ReferralFlowDb(Core.Persistence.DatabaseProvider.Options(file.ConnectionString));
        Assert.False(await db.Users.AnyAsync());
    }

    private static WebApplicationFactory<ReferralFlowSettings> WithConsole(WebApp app, TextWriter console) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(
            provider => new DemoUsers(provider, provider.GetRequiredService<ILogger<DemoUsers>>()) { Console = console }))));
}
