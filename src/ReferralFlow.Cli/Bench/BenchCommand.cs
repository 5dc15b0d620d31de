using System.CommandLine;
using System.Globalization;
using ReferralFlow.Core.Benchmarks;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Cli.Bench;

/// <summary><c>referralflow bench engine --referrals N [--db …]</c>: engine throughput against the raw ceiling.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var referrals = new Option<int>("--referrals") { Description = "How many referrals to drive", DefaultValueFactory = _ => 2000 };
        var workflow = new Option<string>("--workflow") { Description = "Procedure to drive", DefaultValueFactory = _ => "transnational-return" };
        var engine = new Command("engine",
            "Drive N referrals along the expected path, then the same commits with plain ADO.NET; print both and the ratio. " +
            "Without --db it uses a throw-away SQLite file; with --db it writes N referrals into that database.")
        { referrals, workflow };
        engine.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var explicitDb = parse.GetValue<string?>(GlobalOptions.Db);
            var scratch = explicitDb is null ? Directory.CreateTempSubdirectory("referralflow-bench-") : null;
            var connection = explicitDb is null
                ? $"Data Source={Path.Combine(scratch!.FullName, "bench.db")}"
                : DatabaseProvider.Resolve(explicitDb);
            try
            {
                // A throw-away database gets throw-away keys; a real one the keys its audit trail is sealed with.
                var keys = scratch is null ? GlobalOptions.Read(parse).KeysFolder : Path.Combine(scratch.FullName, "keys");
                var options = DatabaseProvider.Options(connection, keys);
                // Pooled contexts, as a long-running host would use them.
                var pool = new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<ReferralFlowDb>(options);
                var benchmark = new EngineBenchmark(pool.CreateDbContext, WorkflowFiles.DefaultDirectory());
                var n = parse.GetValue(referrals);
                await output.WriteLineAsync($"Driving {n} referrals through {parse.GetValue(workflow)} on {(DatabaseProvider.IsPostgresConnectionString(connection) ? "PostgreSQL" : "SQLite")} ...");
                var result = await benchmark.RunAsync(parse.GetValue(workflow)!, n, ct);
                await output.WriteLineAsync(Format(result));
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                scratch?.Delete(recursive: true);
            }
        });
        return new Command("bench", "Benchmarks that print figures") { engine };
    }

    private static string Format(EngineBenchmarkResult r) => string.Create(CultureInfo.InvariantCulture, $"""
        referrals            {r.Referrals}
        transactions         {r.Transactions}  ({r.Rows} rows written)
        step transitions     {r.Transitions}
        engine               {r.EngineTime.TotalSeconds:F1} s   {r.TransitionsPerSecond:F0} transitions/s   {r.EngineTransactionsPerSecond:F0} commits/s
        raw ADO.NET ceiling  {r.RawTime.TotalSeconds:F1} s   {r.RawTransactionsPerSecond:F0} commits/s (same commits, same row counts)
        ratio                {r.Ratio:F2}  (engine commits/s ÷ raw commits/s; target ≥ 0.50)
        """);
}
