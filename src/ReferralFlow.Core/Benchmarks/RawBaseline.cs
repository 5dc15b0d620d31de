using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Benchmarks;

/// <summary>
/// The raw ceiling: for each transaction the engine committed, one transaction that updates an instance row
/// (a state document of similar size, with a revision bump) and inserts the rest of the rows, through plain
/// prepared ADO.NET commands on a connection opened with the same settings as the engine's.
/// </summary>
internal static class RawBaseline
{
    private static readonly string State = new('s', 1200);
    private static readonly string Payload = new('p', 160);

    public static async Task<TimeSpan> RunAsync(Func<ReferralFlowDb> openDb, IReadOnlyList<int> rowsPerTransaction, CancellationToken ct)
    {
        await using var db = openDb();
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS bench_rows; DROP TABLE IF EXISTS bench_instances;" +
            "CREATE TABLE bench_instances (id VARCHAR(40) PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL);" +
            "CREATE TABLE bench_rows (id VARCHAR(40) PRIMARY KEY, instance_id VARCHAR(40) NOT NULL, kind VARCHAR(40) NOT NULL, payload TEXT NOT NULL, at VARCHAR(40) NOT NULL);" +
            "CREATE INDEX ix_bench_rows_instance ON bench_rows (instance_id);", ct);
        var instances = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid().ToString()).ToArray();
        foreach (var id in instances)
            await ExecuteAsync(connection, $"INSERT INTO bench_instances VALUES ('{id}', '', 0)", ct);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < rowsPerTransaction.Count; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var instance = instances[i % instances.Length];
            await using (var update = Command(connection, transaction,
                "UPDATE bench_instances SET state = @state, revision = revision + 1 WHERE id = @id"))
            {
                Add(update, "@state", State);
                Add(update, "@id", instance);
                await update.ExecuteNonQueryAsync(ct);
            }
            await using var insert = Command(connection, transaction,
                "INSERT INTO bench_rows (id, instance_id, kind, payload, at) VALUES (@id, @instance, @kind, @payload, @at)");
            var rowId = Add(insert, "@id", "");
            Add(insert, "@instance", instance);
            Add(insert, "@kind", "history");
            Add(insert, "@payload", Payload);
            Add(insert, "@at", "2027-01-04T09:00:00Z");
            for (var row = 1; row < rowsPerTransaction[i]; row++)
            {
                rowId.Value = Guid.NewGuid().ToString();
                await insert.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        watch.Stop();
        await ExecuteAsync(connection, "DROP TABLE bench_rows; DROP TABLE bench_instances;", ct);
        return watch.Elapsed;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
