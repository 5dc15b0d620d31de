using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Web.Hosting;

internal sealed class DatabaseHealthCheck(Func<ReferralFlowDb> openDb) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = openDb();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
