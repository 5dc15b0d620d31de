using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.Persistence;

/// <summary>Reads the schema a database really has (SQLite pragmas, PostgreSQL catalogs), to hold it against the EF model.</summary>
internal static class DatabaseSchema
{
    private static readonly HashSet<string> MigrationTables = ["__EFMigrationsHistory", "__EFMigrationsLock", "sqlite_sequence"];

    public static async Task<Dictionary<(string Table, string Column), (string Type, bool Nullable)>> ReadColumnsAsync(ReferralFlowDb db, bool postgres)
    {
        var result = new Dictionary<(string Table, string Column), (string Type, bool Nullable)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (postgres)
        {
            await foreach (var row in QueryAsync(connection, """
                SELECT table_name, column_name, data_type, is_nullable, character_maximum_length FROM information_schema.columns
                WHERE table_schema = 'public'
                """))
            {
                if (MigrationTables.Contains(row[0])) continue;
                var type = row[4].Length > 0 ? $"{row[2]}({row[4]})" : row[2];
                result[(row[0], row[1])] = (type, row[3] == "YES");
            }
            return result;
        }

        var tables = new List<string>();
        await foreach (var row in QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            if (!MigrationTables.Contains(row[0])) tables.Add(row[0]);
        foreach (var table in tables)
        {
            // pragma table_info: cid, name, type, notnull, dflt_value, pk
            await foreach (var row in QueryAsync(connection, $"PRAGMA table_info('{table}')"))
                result[(table, row[1])] = (row[2].ToLowerInvariant(), row[3] == "0");
        }
        return result;
    }

    public static async Task<List<(string Name, bool IsUnique)>> ReadIndexesAsync(ReferralFlowDb db, bool postgres)
    {
        var result = new List<(string, bool)>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (postgres)
        {
            await foreach (var row in QueryAsync(connection, """
                SELECT i.relname, CASE WHEN x.indisunique THEN '1' ELSE '0' END, t.relname
                FROM pg_index x
                JOIN pg_class i ON i.oid = x.indexrelid
                JOIN pg_class t ON t.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND NOT x.indisprimary
                """))
            {
                if (!MigrationTables.Contains(row[2])) result.Add((row[0], row[1] == "1"));
            }
            return result;
        }

        var tables = new List<string>();
        await foreach (var row in QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            if (!MigrationTables.Contains(row[0])) tables.Add(row[0]);
        foreach (var table in tables)
        {
            // pragma index_list: seq, name, unique, origin ('c' = CREATE INDEX, 'pk', 'u'), partial
            await foreach (var row in QueryAsync(connection, $"PRAGMA index_list('{table}')"))
                if (row[3] == "c") result.Add((row[1], row[2] == "1"));
        }
        return result;
    }

    public static async Task<List<string>> ReadForeignKeysAsync(ReferralFlowDb db, bool postgres)
    {
        var result = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        if (postgres)
        {
            await foreach (var row in QueryAsync(connection, """
                SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, pa.attname,
                       CASE c.confdeltype WHEN 'c' THEN 'cascade' ELSE 'no action' END
                FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
                WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
                """))
            {
                result.Add($"{row[0]} {row[1]} -> {row[2]} {row[3]} on delete {row[4]}");
            }
            return result;
        }

        var tables = new List<string>();
        await foreach (var row in QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            if (!MigrationTables.Contains(row[0])) tables.Add(row[0]);
        foreach (var table in tables)
        {
            // pragma foreign_key_list: id, seq, table, from, to, on_update, on_delete, match
            await foreach (var row in QueryAsync(connection, $"PRAGMA foreign_key_list('{table}')"))
                result.Add($"{table} {row[3]} -> {row[2]} {row[4]} on delete {row[6].ToLowerInvariant()}");
        }
        return result;
    }

    private static async IAsyncEnumerable<string[]> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            yield return row;
        }
    }
}
