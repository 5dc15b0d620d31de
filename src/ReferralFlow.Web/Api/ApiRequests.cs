using System.Text.Json.Nodes;

namespace ReferralFlow.Web.Api;

public sealed record StartReferralRequest(string? Workflow, JsonObject? Input);

public sealed record StartedReferralResponse(Guid Id, string CaseCode);

public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Data);

/// <summary><see cref="Channel"/>: how the answer reached us (phone, in-person, email, link); email when left out.</summary>
public sealed record AnswerHandOffRequest(string? Outcome, JsonObject? Data, string? Channel);
