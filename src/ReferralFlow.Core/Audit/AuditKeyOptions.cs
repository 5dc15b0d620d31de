using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Audit;

/// <summary>
/// Carries the keys folder to <see cref="ReferralFlowDb"/>, whose save path seals the audit chain: an options
/// extension rather than a constructor argument, so every way of making a context (pooled factories, tests,
/// <c>new ReferralFlowDb(options)</c>) keeps working. A context built without it uses the environment's keys folder
/// (<see cref="DataFolder.KeysPath"/>), as <see cref="PersonalDataProtector.FromEnvironment"/> does.
/// </summary>
public static class AuditKeyOptions
{
    /// <summary>Seal and verify the audit chain with the key in <paramref name="keysFolder"/>, and keep its head
    /// checkpoint there.</summary>
    public static DbContextOptionsBuilder UseAuditKeys(this DbContextOptionsBuilder builder, string? keysFolder)
    {
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new Extension(keysFolder));
        return builder.AddInterceptors(AuditCheckpointWriter.Instance);
    }

    /// <summary>The keys folder that <paramref name="db"/> seals with.</summary>
    public static string KeysFolderOf(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<Extension>()?.KeysFolder ?? DataFolder.KeysPath;

    private sealed class Extension(string? keysFolder) : IDbContextOptionsExtension
    {
        private DbContextOptionsExtensionInfo? info;

        public string? KeysFolder => keysFolder;

        public DbContextOptionsExtensionInfo Info => info ??= new About(this);

        // Registers no service: contexts with different folders share EF's internal service provider.
        public void ApplyServices(IServiceCollection services)
        {
        }

        public void Validate(IDbContextOptions options)
        {
        }

        private sealed class About(Extension extension) : DbContextOptionsExtensionInfo(extension)
        {
            public override bool IsDatabaseProvider => false;

            public override string LogFragment => "AuditKeys ";

            public override int GetServiceProviderHashCode() => 0;

            public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is About;

            public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
            {
            }
        }
    }
}
