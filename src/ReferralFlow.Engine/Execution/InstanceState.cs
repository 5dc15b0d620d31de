using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ReferralFlow.Engine.Execution;

/// <summary>
/// The serialisable state of one running instance: its variables and the tokens that mark where each
/// branch stands. Stored as JSON on the referral row and saved in the same transaction as its effects.
/// </summary>
public sealed class InstanceState
{
    public Dictionary<string, JsonNode?> Variables { get; init; } = [];
    public List<Token> Tokens { get; init; } = [];
    public List<ParallelFrame> Frames { get; init; } = [];

    public Token? FindByBookmark(Guid bookmarkId) =>
        Tokens.FirstOrDefault(t => t.BookmarkId == bookmarkId && t.Status == TokenStatus.Waiting);

    public Token? Find(Guid tokenId) => Tokens.FirstOrDefault(t => t.Id == tokenId);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static InstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<InstanceState>(json, Json)
        ?? throw new InvalidOperationException("Instance state is empty.");

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

/// <summary>Where one branch of an instance stands: a step that is ready to run, waiting on a bookmark, or faulted.</summary>
public sealed class Token
{
    public required Guid Id { get; init; }
    public required string StepId { get; set; }
    public TokenStatus Status { get; set; }

    /// <summary>The task, hand-off, timer or child referral this token waits on; resumes match this id only.</summary>
    public Guid? BookmarkId { get; set; }
    public Guid? FrameId { get; init; }
    public string? Branch { get; init; }
}

public enum TokenStatus { Ready, Waiting, Faulted }

/// <summary>A running parallel step: which of its branches have finished.</summary>
public sealed class ParallelFrame
{
    public required Guid Id { get; init; }
    public required Guid TokenId { get; init; }
    public required string StepId { get; init; }
    public List<string> Finished { get; init; } = [];
}
