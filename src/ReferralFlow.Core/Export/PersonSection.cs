using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Core.Export;

/// <summary>The person, decrypted, in HTCDS <c>prs_</c> names where they exist. The name stays whole: splitting a
/// name into first and second is a guess the export should not make.</summary>
public sealed class PersonSection : IExportSection
{
    public string Name => "person";

    public async Task<JsonNode?> ReadAsync(ExportContext context, CancellationToken ct)
    {
        var record = await context.Db.PersonRecords.AsNoTracking().SingleOrDefaultAsync(p => p.ReferralId == context.ReferralId, ct);
        if (record is null) return null;
        var person = record.Open(context.Protector);
        return new JsonObject
        {
            ["fullName"] = person.FullName,
            ["aliases"] = new JsonArray([.. person.Aliases.Select(a => (JsonNode?)a)]),
            ["prs_Birthdate"] = person.BirthDate?.ToString("yyyy-MM-dd"),
            ["prs_Nationality"] = person.Nationality,
            ["languages"] = new JsonArray([.. person.Languages.Select(l => (JsonNode?)l)]),
            ["documentNumber"] = person.DocumentNumber,
            ["contact"] = person.Contact,
            ["healthNotes"] = person.HealthNotes,
            ["recordedAt"] = ExportFields.Instant(record.RecordedAt),
            ["changedAt"] = ExportFields.Instant(record.ChangedAt),
        };
    }
}
