namespace ReferralFlow.Core.Documents;

/// <summary>
/// One paper the authority wants before it issues (a photo, a police certificate in its own form, a birth certificate).
/// The list changes while the request runs (F11): a removed requirement keeps its row with <see cref="RemovedAt"/>,
/// so the record shows what was once asked for.
/// </summary>
public sealed class DocumentRequirement
{
    public required Guid Id { get; init; }
    public required Guid DocumentId { get; init; }

    /// <summary>What is required, in the caseworker's words; names a paper, never the person.</summary>
    public required string Name { get; init; }
    public required DateTimeOffset AddedAt { get; init; }
    public required string AddedBy { get; init; }
    public DateTimeOffset? MetAt { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }

    public bool IsOpen => RemovedAt is null && MetAt is null;

    public void Tick(DateTimeOffset at)
    {
        if (RemovedAt is not null) throw new ReferralFlowException($"The requirement '{Name}' was removed; add it again if it is needed after all.");
        if (MetAt is not null) throw new ReferralFlowException($"The requirement '{Name}' is already met.");
        MetAt = at;
    }

    public void Remove(DateTimeOffset at)
    {
        if (RemovedAt is not null) throw new ReferralFlowException($"The requirement '{Name}' is already removed.");
        RemovedAt = at;
    }
}
