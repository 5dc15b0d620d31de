using System.Text.Json.Nodes;
using ReferralFlow.Core.Protection;

namespace ReferralFlow.Core.Replies;

/// <summary>
/// What a partner typed on the reply page (a reason, a question, the contact person, an arrival place, a monitoring
/// report ...). It is partner-entered free text about the case — it may name the person or describe their health and
/// situation — so the row holds it only encrypted (<see cref="ProtectedAnswer"/>, <see cref="PersonalDataProtector"/>),
/// and it never reaches workflow variables, messages or logs (DESIGN.md §6). One per hand-off: the unique index is
/// the last guard against a double answer.
/// </summary>
public sealed class ReplyAnswer
{
    public required Guid Id { get; init; }
    public required Guid HandOffId { get; init; }
    public required Guid ReplyTokenId { get; init; }
    public required string Outcome { get; init; }

    /// <summary>The answer as a JSON object, encrypted. Rows written before answers were encrypted hold the plain JSON
    /// until the first start of an upgraded host protects them (<see cref="PlainAnswers"/>).</summary>
    public required string ProtectedAnswer { get; set; }

    public required DateTimeOffset AnsweredAt { get; init; }

    public static ReplyAnswer Seal(Guid id, Guid handOffId, Guid replyTokenId, string outcome, JsonObject answer,
        PersonalDataProtector protector, DateTimeOffset at) => new()
    {
        Id = id, HandOffId = handOffId, ReplyTokenId = replyTokenId, Outcome = outcome,
        ProtectedAnswer = protector.Protect(answer.ToJsonString()), AnsweredAt = at,
    };

    /// <summary>The decrypted answer. Callers showing it to someone audit the read (<see cref="ReplyAnswerReads"/>).</summary>
    public JsonObject Open(PersonalDataProtector protector) => Open(ProtectedAnswer, protector);

    public static JsonObject Open(string protectedAnswer, PersonalDataProtector protector) =>
        JsonNode.Parse(protector.Unprotect(protectedAnswer)) as JsonObject
        ?? throw new ReferralFlowException("A stored reply answer is not a JSON object.");
}
