using System.Text.Json.Nodes;

namespace ReferralFlow.Web.Api;

/// <summary>The body of POST /api/referrals: <c>workflow</c> and the intake fields of <c>referrals start --input</c>
/// (person, sendingOrganisation, receivingOrganisation, corridor, variables); <c>input</c> is the older name of
/// <c>variables</c>.</summary>
public static class StartReferralBody
{
    public const string Workflow = "workflow";
    public const string LegacyVariables = "input";
}

public sealed record StartedReferralResponse(Guid Id, string CaseCode);

/// <summary><see cref="Form"/>: the task's form filled in, required when the task shows one.</summary>
public sealed record CompleteTaskRequest(string? Outcome, JsonObject? Data, JsonObject? Form = null);

/// <summary><see cref="Channel"/>: how the answer reached us (phone, in-person or email; "link" is the reply page's alone); email when left out.</summary>
public sealed record AnswerHandOffRequest(string? Outcome, JsonObject? Data, string? Channel);
