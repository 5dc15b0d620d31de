using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ReferralFlow.Tests.People;

/// <summary>Looks for text in what a database keeps on disk: every byte of a SQLite file (and its -wal/-shm), or every
/// row of every PostgreSQL table as text plus a pg_dump of the whole database.</summary>
public static class AtRest
{
    /// <summary>The distinctive values the encryption tests record and then hunt for.</summary>
    public const string Name = "Zlatomira Quenbrook";
    public const string Surname = "Quenbrook";
    public const string DocumentNumber = "XK4471902";
    public const string BirthDate = "1994-05-17";

    /// <summary>The intake's sending organisation, which owns the referral.</summary>
    public const string SendingOrganisation = "de-koofra";

    public static readonly string[] Secrets = [Name, Surname, DocumentNumber, BirthDate];

    public static string IntakeJson(string workflow = "transnational-return") => $$"""
        {
          "person": {
            "fullName": "{{Name}}",
            "aliases": ["Mira Q."],
            "birthDate": "{{BirthDate}}",
            "nationality": "RO",
            "languages": ["ro", "en"],
            "documentNumber": "{{DocumentNumber}}",
            "contact": "+40 721 000 111, via the shelter",
            "healthNotes": "asthma; needs an inhaler"
          },
          "sendingOrganisation": "{{SendingOrganisation}}",
          "receivingOrganisation": "ro-adpare",
          "corridor": { "origin": "RO", "transit": ["HU", "AT"], "destination": "DE" },
          "variables": { "monitoring.months": 6 }
        }
        """;

    /// <summary>Which secrets appear in the SQLite files, after closing every pooled connection (the last one to close
    /// checkpoints the WAL into the main file; whatever is left in -wal or -shm is read too).</summary>
    public static IReadOnlyList<string> FoundInSqlite(string databasePath, params string[] needles)
    {
        if (needles.Length == 0) needles = Secrets;
        SqliteConnection.ClearAllPools();
        var files = new[] { databasePath, databasePath + "-wal", databasePath + "-shm", databasePath + "-journal" }.Where(File.Exists).ToList();
        Assert.Contains(databasePath, files);
        var bytes = files.SelectMany(File.ReadAllBytes).ToArray();
        return [.. needles.Where(s => Contains(bytes, Encoding.UTF8.GetBytes(s)) || Contains(bytes, Encoding.Unicode.GetBytes(s)))];
    }

    /// <summary>Which secrets appear in any row of any table; the number of tables read is returned to show the scan ran.</summary>
    public static async Task<(IReadOnlyList<string> Found, int Tables)> FoundInPostgresAsync(string connectionString, params string[] needles)
    {
        if (needles.Length == 0) needles = Secrets;
        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT schemaname, tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add($"\"{reader.GetString(0)}\".\"{reader.GetString(1)}\"");
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }
        text.AppendLine(await PgDumpAsync(connectionString));
        var all = text.ToString();
        return ([.. needles.Where(s => all.Contains(s, StringComparison.OrdinalIgnoreCase))], tables.Count);
    }

    /// <summary>The whole database as pg_dump writes it (data, sequences, everything), when pg_dump is installed.</summary>
    private static async Task<string> PgDumpAsync(string connectionString)
    {
        var pgDump = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_dump")).FirstOrDefault(File.Exists)
            : null;
        if (pgDump is null) return "";
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgDump)
        {
            ArgumentList = { "-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, "--no-owner", c.Database! },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (c.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await error}");
        var dump = await output;
        Assert.Contains("person_records", dump);
        return dump;
    }

    public static IReadOnlyList<string> FoundIn(IEnumerable<string> lines)
    {
        var all = string.Join("\n", lines);
        return [.. Secrets.Where(s => all.Contains(s, StringComparison.OrdinalIgnoreCase))];
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
