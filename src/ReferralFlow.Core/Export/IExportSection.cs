using ReferralFlow.Core.Acting;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Export;

/// <summary>What a section of an export reads from: the unit of work, the referral, the keys to its personal data, and
/// who exports when (sections that reuse a feature's audited read pass them on).</summary>
public sealed record ExportContext(ReferralFlowDb Db, Guid ReferralId, PersonalDataProtector Protector, Actor Actor, DateTimeOffset At)
{
    /// <summary>Form ids the export leaves out (a transfer's separate documents).</summary>
    public IReadOnlySet<string> LeftOutForms { get; init; } = new HashSet<string>();

    /// <summary>camelCase, as the rest of the document.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, Json);
}

/// <summary>One part of a referral's export (the case, the person, consents, hand-offs ...). Each feature brings its own
/// section, so the export grows with the record instead of knowing every table.</summary>
public interface IExportSection
{
    /// <summary>The property the section is written under.</summary>
    string Name { get; }

    /// <summary>The section's content, or null to leave it out (nothing recorded).</summary>
    Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct);
}
