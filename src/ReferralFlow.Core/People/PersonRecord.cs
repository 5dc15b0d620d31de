using System.Text.Json;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.People;

/// <summary>
/// The person's data of one referral, at rest: one row per referral holding <see cref="PersonalData"/> as JSON
/// encrypted by <see cref="PersonalDataProtector"/>. Nothing in the row is searchable or readable without the keys,
/// which is the point: a copy of the database alone gives nothing away.
/// </summary>
public sealed class PersonRecord
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public required Guid ReferralId { get; init; }
    public required string ProtectedData { get; set; }
    public required DateTimeOffset RecordedAt { get; init; }
    public DateTimeOffset? ChangedAt { get; private set; }

    /// <summary>Two caseworkers correcting the record at once: the second save fails rather than overwriting.</summary>
    public int Revision { get; private set; }

    public static PersonRecord Seal(Guid referralId, PersonalData data, PersonalDataProtector protector, DateTimeOffset at) => new()
    {
        ReferralId = referralId, ProtectedData = Protect(data, protector), RecordedAt = at,
    };

    public PersonalData Open(PersonalDataProtector protector) =>
        JsonSerializer.Deserialize<PersonalData>(protector.Unprotect(ProtectedData), Json)
        ?? throw new ReferralFlowException($"The person record of referral {ReferralId} is empty.");

    public void Replace(PersonalData data, PersonalDataProtector protector, DateTimeOffset at)
    {
        ProtectedData = Protect(data, protector);
        ChangedAt = at;
        Revision++;
    }

    private static string Protect(PersonalData data, PersonalDataProtector protector) =>
        protector.Protect(JsonSerializer.Serialize(data, Json));
}
