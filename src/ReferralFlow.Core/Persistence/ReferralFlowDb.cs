using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Arrival;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Documents;
using ReferralFlow.Core.Escort;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Incidents;
using ReferralFlow.Core.Monitoring;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.People;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Core.Timers;
using ReferralFlow.Core.Travel;

namespace ReferralFlow.Core.Persistence;

/// <summary>The one unit of work: an engine step saves state, tasks, hand-offs, timers, outbox and history
/// together (DESIGN.md §4). Build options with <see cref="DatabaseProvider"/>. Staff users and their roles (ASP.NET
/// Core Identity) live here too, so that a change and the user who made it commit together.</summary>
public sealed class ReferralFlowDb(DbContextOptions<ReferralFlowDb> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<PublishedWorkflow> PublishedWorkflows => Set<PublishedWorkflow>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<WorkTask> Tasks => Set<WorkTask>();
    public DbSet<HandOff> HandOffs => Set<HandOff>();
    public DbSet<HandOffEvent> HandOffEvents => Set<HandOffEvent>();
    public DbSet<Forwarding.HandOffForward> HandOffForwards => Set<Forwarding.HandOffForward>();
    public DbSet<DurableTimer> Timers => Set<DurableTimer>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<HistoryEntry> History => Set<HistoryEntry>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<NetworkContact> NetworkContacts => Set<NetworkContact>();
    public DbSet<PartnershipGap> PartnershipGaps => Set<PartnershipGap>();
    public DbSet<PartnerAssignment> PartnerAssignments => Set<PartnerAssignment>();
    public DbSet<ReplyToken> ReplyTokens => Set<ReplyToken>();
    public DbSet<ReplyAnswer> ReplyAnswers => Set<ReplyAnswer>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ConsentRecord> Consents => Set<ConsentRecord>();
    public DbSet<HeldRequest> HeldRequests => Set<HeldRequest>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<PersonRecord> PersonRecords => Set<PersonRecord>();
    public DbSet<DocumentRequest> DocumentRequests => Set<DocumentRequest>();
    public DbSet<DocumentRequirement> DocumentRequirements => Set<DocumentRequirement>();
    public DbSet<TravelCost> TravelCosts => Set<TravelCost>();
    public DbSet<EscortLeg> EscortLegs => Set<EscortLeg>();
    public DbSet<MonitoringReport> MonitoringReports => Set<MonitoringReport>();
    public DbSet<StaffConfirmation> StaffConfirmations => Set<StaffConfirmation>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<NetworkSetting> NetworkSettings => Set<NetworkSetting>();

    /// <summary>Audit entries are sealed onto the chain right before they are written, inside the transaction that
    /// writes them: the caller's, or one opened here so that reading the chain's tail and appending to it are atomic.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!AuditChain.HasPending(this)) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        try
        {
            if (Database.CurrentTransaction is not null)
            {
                await AuditChain.SealAsync(this, cancellationToken);
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
            await AuditChain.SealAsync(this, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return written;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && AuditConflicts.IsTailTaken(e))
        {
            throw AuditConflicts.Retryable(e);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        IdentityTables.Name(model);
        // Every IEntityTypeConfiguration of this assembly: a feature folder brings its mapping with it.
        model.ApplyConfigurationsFromAssembly(typeof(ReferralFlowDb).Assembly);

        // snake_case names, written out here rather than by a naming package; the hand-written
        // migrations use exactly these names.
        foreach (var entity in model.Model.GetEntityTypes())
        {
            var table = SnakeCase(entity.GetTableName()!);
            entity.SetTableName(table);
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
            entity.FindPrimaryKey()?.SetName($"pk_{table}");
            foreach (var key in entity.GetForeignKeys())
                key.SetConstraintName($"fk_{table}_{SnakeCase(key.PrincipalEntityType.GetTableName()!)}_{Columns(key.Properties)}");
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName($"{(index.IsUnique ? "ux" : "ix")}_{table}_{Columns(index.Properties)}");
        }
    }

    private static string Columns(IEnumerable<IReadOnlyProperty> properties) =>
        string.Join("_", properties.Select(p => SnakeCase(p.Name)));

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var wordStart = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                    || (char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1])));
                if (wordStart) builder.Append('_');
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
