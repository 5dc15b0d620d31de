namespace ReferralFlow.Core.Forms;

/// <summary>
/// What a caseworker filled in on a task's form. The values are the person's record, so the row holds them only
/// encrypted (<see cref="ProtectedJson"/>, <see cref="Protection.PersonalDataProtector"/>); the fields that feed workflow
/// variables were copied into the referral's state when the task completed, in the same transaction.
/// </summary>
public sealed class FormSubmission
{
    public required Guid Id { get; init; }
    public required Guid ReferralId { get; init; }
    public required Guid TaskId { get; init; }
    public required string FormId { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required string SubmittedBy { get; init; }

    /// <summary>The submitted values as a JSON object, encrypted.</summary>
    public required string ProtectedJson { get; init; }
}
