using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ReferralFlow.Core.Persistence;

/// <summary>
/// Writes rows that are only ever appended (history, timers, outbox) as multi-row INSERTs sent in one command,
/// inside the current transaction. On an engine step the change tracker's per-row bookkeeping costs more than
/// the writes themselves; table and column names, converters and parameter types still come from the EF model.
/// </summary>
internal sealed class AppendOnlyRows(ReferralFlowDb db)
{
    // Well under SQLite's and PostgreSQL's limits on parameters per statement.
    private const int MaxParameters = 900;

    private readonly DbCommand command = db.Database.GetDbConnection().CreateCommand();
    private readonly StringBuilder sql = new();
    private int rows;

    public AppendOnlyRows Add<T>(IEnumerable<T> entities) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        var header = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) VALUES ";
        foreach (var chunk in entities.Chunk(Math.Max(1, MaxParameters / columns.Count)))
        {
            sql.Append(header);
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var property = columns[column];
                    var name = $"@a{command.Parameters.Count}";
                    var mapping = (RelationalTypeMapping)property.GetTypeMapping();
                    command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(chunk[row]), property.IsNullable));
                    sql.Append(column == 0 ? name : $", {name}");
                }
                sql.Append(')');
            }
            sql.Append(";\n");
            rows += chunk.Length;
        }
        return this;
    }

    public async Task<int> ExecuteAsync(CancellationToken ct)
    {
        await using (command)
        {
            if (rows == 0) return 0;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
            return rows;
        }
    }
}
