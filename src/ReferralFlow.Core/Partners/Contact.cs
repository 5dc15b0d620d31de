namespace ReferralFlow.Core.Partners;

/// <summary>A person at a partner organisation who receives requests. Staff data, never the referred person's.</summary>
public sealed class Contact
{
    public required Guid Id { get; init; }
    public required Guid OrganisationId { get; set; }

    /// <summary>The stable id of the directory file; unique across the directory, so backups can name it.</summary>
    public required string Key { get; init; }
    public required string Name { get; set; }

    /// <summary>The job, e.g. "Intake coordinator"; optional.</summary>
    public string? Role { get; set; }
    public required string Email { get; set; }

    /// <summary>ISO 639-1; picks the language of the messages sent to this person.</summary>
    public required string Language { get; set; }

    /// <summary>May commit the organisation to a referral. Requests go only to such contacts: "some members send
    /// representatives that are not authorized to make commitments on behalf of their agency" (R-DIR-07).</summary>
    public bool AuthorisedToAccept { get; set; }

    /// <summary>The colleague who is reminded when this contact does not answer; same organisation. No foreign key:
    /// two colleagues are commonly each other's backup, and the import keeps the reference whole.</summary>
    public Guid? BackupContactId { get; set; }

    /// <summary>The sending side's staff roles this person holds for their organisation (<see cref="DirectoryStaffRoles"/>):
    /// escalations, alerts and notices to "coordinator" or "focal-point" of a referral this organisation sends reach
    /// its authorised contacts holding that role.</summary>
    public IReadOnlyList<string> StaffRoles { get; set; } = [];

    /// <summary>Order in the file. The first authorised contact listed is the organisation's designated one.</summary>
    public int Position { get; set; }
}
