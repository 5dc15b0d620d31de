using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ReferralFlow.Tests.Cli;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Protection;

/// <summary>Fields stored in clear take codes, so a name typed there is refused, never stored, and never repeated in
/// the refusal.</summary>
public class FreeTextTests
{
    private const string Name = "Maria Popescu";
    private const string Now = "2027-01-05T10:00:00Z";

    [Fact]
    public async Task A_name_typed_as_a_document_authority_a_due_reason_or_a_country_variable_is_refused_and_stored_nowhere()
    {
        await using var cli = CliRun.OnSqlite();
        var (_, code) = await cli.StartAsync();
        using var folder = new TempDirectory();
        var intake = folder.Combine("intake.json");
        await File.WriteAllTextAsync(intake, JsonSerializer.Serialize(new { variables = new Dictionary<string, string> { ["return.country"] = Name } }));

        var authority = await cli.RunAsync("documents", "add", code, "--kind", "passport", "--authority", Name, "--now", Now);
        var added = await cli.JsonAsync("documents", "add", code, "--kind", "passport", "--authority", "consulate:RO", "--now", Now);
        var reason = await cli.RunAsync("documents", "due", added["id"]!.GetValue<string>(), "--due", "2027-03-01T00:00:00Z", "--reason", Name, "--now", Now);
        var country = await cli.RunAsync("referrals", "start", "--workflow", "child-return", "--input", intake, "--now", Now);

        Assert.All(new[] { authority, reason, country }, refused =>
        {
            Assert.Equal(1, refused.ExitCode);
            Assert.DoesNotContain("Maria", refused.Err, StringComparison.Ordinal);
        });
        Assert.Contains("--authority", authority.Err, StringComparison.Ordinal);
        Assert.Contains("Unknown reason (--reason); use one of more-papers-requested", reason.Err, StringComparison.Ordinal);
        Assert.Contains("'return.country' must be an ISO 3166 alpha-2 country code", country.Err, StringComparison.Ordinal);
        Assert.False(await DatabaseHoldsAsync(Path.GetDirectoryName(cli.SqlitePath!)!, "Maria"), "the name is in the database files");
    }

    [Fact]
    public async Task A_free_text_string_variable_set_through_the_api_is_refused_without_repeating_it()
    {
        using var file = new SqliteFile();
        await using var app = new WebApp(database: file);
        var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/referrals", new
        {
            workflow = "child-return",
            variables = new Dictionary<string, string> { ["return.country"] = Name },
            corridor = new { origin = "Maria", destination = "DE" },
            sendingOrganisation = Name,
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.corridor.origin: is not an ISO 3166 alpha-2 country code", body);
        Assert.Contains("$.sendingOrganisation: names no organisation of the directory", body);
        Assert.Contains("return.country", body);
        Assert.DoesNotContain("Maria", body, StringComparison.Ordinal);
        await app.DisposeAsync();
        Assert.False(await DatabaseHoldsAsync(file.Directory, "Maria"), "the name is in the database files");
    }

    /// <summary>Every byte of the SQLite files (database, journal, WAL), read as the storage holds them.</summary>
    private static async Task<bool> DatabaseHoldsAsync(string folder, string text)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in Directory.GetFiles(folder))
        {
            var bytes = await File.ReadAllBytesAsync(path);
            if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0) return true;
        }
        return false;
    }
}
