namespace ReferralFlow.Core.Arrival;

/// <summary>
/// An arrival the receiving side confirmed by phone, in person or by e-mail, and staff recorded: the same facts as the
/// reply page's arrival form (arrivedAt, place, handedOverTo), checked by the same rules (Replies/ReplyFormCheck), tied
/// to the arrival-confirmation hand-off it answered. Places and hand-over are points and roles, never addresses or names.
/// </summary>
public sealed class StaffConfirmation
{
    public required Guid Id { get; init; }
    public required Guid HandOffId { get; init; }
    public required DateTimeOffset ArrivedAt { get; init; }
    public required string Place { get; init; }
    public required string HandedOverTo { get; init; }

    /// <summary>Who confirmed: organisation and role ("ADPARE duty officer").</summary>
    public required string ConfirmedBy { get; init; }
    public string? Comment { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}
