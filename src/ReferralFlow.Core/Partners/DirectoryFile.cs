namespace ReferralFlow.Core.Partners;

/// <summary>The content of a directory file (import) or of the database (export), in the file's own terms:
/// stable string ids, not database keys. Where says which line of the file an entry came from.</summary>
public sealed record DirectoryFile(IReadOnlyList<OrganisationEntry> Organisations)
{
    /// <summary>The <c>network:</c> section: the contact the network names for each staff role. Null when the file has
    /// none, which leaves the directory's network contacts as they are (a file may cover one country).</summary>
    public IReadOnlyList<NetworkEntry>? Network { get; init; }
}

/// <summary>One line of the <c>network:</c> section: <c>coordinator: de-kok-network</c>.</summary>
public sealed record NetworkEntry(string Role, string Contact)
{
    public EntryOrigin? Where { get; init; }
}

public sealed record OrganisationEntry(
    string Id, string Name, string Kind, string Country,
    IReadOnlyList<string> Regions, IReadOnlyList<string> Languages, IReadOnlyList<string> Services,
    bool Active, DateOnly? LastVerifiedOn,
    IReadOnlyList<ContactEntry> Contacts, IReadOnlyList<AgreementEntry> Agreements)
{
    public EntryOrigin? Where { get; init; }

    /// <summary>The cities it serves.</summary>
    public IReadOnlyList<string> Cities { get; init; } = [];
}

public sealed record ContactEntry(
    string Id, string Name, string? Role, string Email, string Language, bool Authorised, string? Backup)
{
    public EntryOrigin? Where { get; init; }

    /// <summary>Of <see cref="DirectoryStaffRoles.All"/>: the sending side's staff roles this person holds.</summary>
    public IReadOnlyList<string> StaffRoles { get; init; } = [];

    /// <summary>Line of the backup field, for problems about it.</summary>
    public int BackupLine { get; init; }
}

public sealed record AgreementEntry(string Id, string Kind, string Scope, DateOnly? ReviewOn)
{
    public EntryOrigin? Where { get; init; }
}

public sealed record EntryOrigin(int Line, string Path);
