namespace ReferralFlow.Core.Replies;

/// <summary>
/// What a partner typed on the reply page (a reason, a question, the contact person, an arrival place ...). It is
/// partner-entered free text about the case, so it stays here as JSON and never reaches workflow variables,
/// messages or logs (DESIGN.md §6). One per hand-off: the unique index is the last guard against a double answer.
/// </summary>
public sealed class ReplyAnswer
{
    public required Guid Id { get; init; }
    public required Guid HandOffId { get; init; }
    public required Guid ReplyTokenId { get; init; }
    public required string Outcome { get; init; }
    public required string AnswerJson { get; init; }
    public required DateTimeOffset AnsweredAt { get; init; }
}
