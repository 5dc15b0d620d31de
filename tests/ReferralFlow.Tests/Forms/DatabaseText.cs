using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.Forms;

/// <summary>Everything a database holds, as text: the SQLite file and its write-ahead log byte for byte, or every row
/// of every PostgreSQL table as JSON. A value not in here is not stored in the clear.</summary>
internal static class DatabaseText
{
    public static async Task<string> AllAsync(ReferralFlowDb db)
    {
        if (!db.IsPostgres())
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var text = new StringBuilder();
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream, Encoding.UTF8);
                text.Append(await reader.ReadToEndAsync());
            }
            return text.ToString();
        }
        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").ToListAsync();
        var rows = new StringBuilder();
        foreach (var table in tables)
#pragma warning disable EF1003 // table names come from the catalog, not from input
            rows.AppendJoin('\n', await db.Database.SqlQueryRaw<string>("SELECT row_to_json(t)::text AS \"Value\" FROM \"" + table + "\" t").ToListAsync());
#pragma warning restore EF1003
        return rows.ToString();
    }
}
