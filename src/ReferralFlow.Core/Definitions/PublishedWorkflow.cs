namespace ReferralFlow.Core.Definitions;

/// <summary>An immutable published version of a procedure file. Instances are pinned to (WorkflowId, Version),
/// so the full text is kept and a version is never edited after publication.</summary>
public sealed class PublishedWorkflow
{
    public required string WorkflowId { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public required string Json { get; init; }

    /// <summary>SHA-256 of the file text (lower-case hex): tells a re-publish of the same file from a changed one.</summary>
    public required string ContentHash { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
}
