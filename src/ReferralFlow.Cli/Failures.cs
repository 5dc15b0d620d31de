using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ReferralFlow.Core;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Cli;

/// <summary>Turns a failure into the one line a user reads: what is wrong and what to do, without stack
/// traces and without the connection string (it may hold a password).</summary>
internal static class Failures
{
    // SQLite result codes that mean the file cannot be used at all: CANTOPEN, NOTADB, PERM, READONLY, IOERR, CORRUPT, AUTH.
    private static readonly HashSet<int> SqliteUnusable = [14, 26, 3, 8, 10, 11, 23];

    public static string Describe(Exception failure, string connectionString)
    {
        if (Chain(failure).OfType<DbException>().FirstOrDefault() is { } database)
            return OneLine(Database(database, connectionString));
        var message = failure switch
        {
            ReferralFlowException or WorkflowInputException => failure.Message,
            FileNotFoundException e => $"file not found: {e.FileName ?? e.Message}",
            DirectoryNotFoundException e => $"folder not found: {e.Message}",
            JsonException e => $"not valid JSON (line {(e.LineNumber ?? 0) + 1}): fix the syntax",
            DbUpdateConcurrencyException =>
                "the referral was changed by someone else at the same moment, several times in a row; run the command again",
            // Entity guards (a task already completed, a referral already closed) say what is wrong in their message.
            InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException => failure.Message,
            _ => $"unexpected {failure.GetType().Name}: {failure.Message} (set REFERRALFLOW_DEBUG=1 for details)",
        };
        return OneLine($"error: {message}");
    }

    private static string Database(DbException failure, string connectionString)
    {
        var target = Target(connectionString);
        var (unreachable, reason) = failure switch
        {
            // Connection (08), authentication (28), missing database (3D), server resources (53), shutdown (57P).
            PostgresException p => (p.SqlState[..2] is "08" or "28" or "3D" or "53" || p.SqlState.StartsWith("57P", StringComparison.Ordinal),
                p.MessageText),
            NpgsqlException n => (true, Innermost(n).Message),
            SqliteException s => (SqliteUnusable.Contains(s.SqliteErrorCode & 0xFF), s.Message),
            _ => (false, failure.Message),
        };
        return unreachable
            ? $"error: cannot reach the database at {target}: {reason.TrimEnd('.')}; check --db or {DatabaseProvider.EnvironmentVariable}"
            : $"error: the database at {target} refused the change: {reason.TrimEnd('.')}";
    }

    /// <summary>Host, port and database, or the SQLite file: never user names or passwords.</summary>
    public static string Target(string connectionString)
    {
        try
        {
            if (DatabaseProvider.IsPostgresConnectionString(connectionString))
            {
                var postgres = new NpgsqlConnectionStringBuilder(DatabaseProvider.ToNpgsqlConnectionString(connectionString));
                return $"{postgres.Host}:{postgres.Port}/{postgres.Database}";
            }
            var text = connectionString.Trim();
            var sqlite = text.Contains('=') ? new SqliteConnectionStringBuilder(text) : new SqliteConnectionStringBuilder { DataSource = text };
            return sqlite.DataSource is { Length: > 0 } file && file != ":memory:" ? Path.GetFullPath(file) : "(in memory)";
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            return "(the connection string given)";
        }
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException) yield return current;
    }

    private static Exception Innermost(Exception e) => Chain(e).Last();

    private static string OneLine(string text) =>
        string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
