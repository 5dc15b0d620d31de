using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Definitions;

/// <summary>
/// Published procedure versions, read from the database so that a running referral always gets the exact
/// version it started on, whatever the files say today. Parsed definitions are cached by content hash.
/// </summary>
public sealed class WorkflowLibrary
{
    private readonly ConcurrentDictionary<(string Id, int Version), WorkflowDefinition> cache = new();

    public async Task<WorkflowDefinition> GetAsync(ReferralFlowDb db, string id, int version, CancellationToken ct = default)
    {
        if (cache.TryGetValue((id, version), out var cached)) return cached;
        var row = await db.PublishedWorkflows.AsNoTracking()
            .SingleOrDefaultAsync(w => w.WorkflowId == id && w.Version == version, ct)
            ?? throw new ReferralFlowException($"Workflow '{id}' version {version} is not published; run 'referralflow db migrate' to publish the workflows folder.");
        return cache.GetOrAdd((id, version), _ => Parse(row.Json, $"{id} v{version}"));
    }

    public async Task<WorkflowDefinition> LatestAsync(ReferralFlowDb db, string id, CancellationToken ct = default)
    {
        var version = await db.PublishedWorkflows.Where(w => w.WorkflowId == id)
            .Select(w => (int?)w.Version).MaxAsync(ct);
        if (version is null)
        {
            var known = await db.PublishedWorkflows.Select(w => w.WorkflowId).Distinct().OrderBy(w => w).ToListAsync(ct);
            throw new ReferralFlowException(
                $"No workflow '{id}' is published; published workflows: {(known.Count == 0 ? "(none)" : string.Join(", ", known))}.");
        }
        return await GetAsync(db, id, version.Value, ct);
    }

    /// <summary>
    /// Publishes every valid file of a folder. A version already published with other content is refused:
    /// published versions are immutable, so a change needs a new version number.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PublishAsync(
        ReferralFlowDb db, string directory, DateTimeOffset now, CancellationToken ct = default)
    {
        var files = WorkflowFiles.In(directory);
        var load = DefinitionCatalog.LoadFiles(files);
        if (load.Problems.Count > 0)
            throw new ReferralFlowException(
                $"The workflows in {directory} have {load.Problems.Count} problem(s); run 'referralflow workflows validate' to list them. First: {load.Problems[0]}");
        var published = new List<string>();
        foreach (var file in files)
        {
            var json = await File.ReadAllTextAsync(file, ct);
            var definition = DefinitionLoader.Load(json, file).Definition!;
            var hash = Hash(json);
            var existing = await db.PublishedWorkflows
                .SingleOrDefaultAsync(w => w.WorkflowId == definition.Id && w.Version == definition.Version, ct);
            if (existing is not null)
            {
                if (existing.ContentHash != hash)
                    throw new ReferralFlowException(
                        $"{Path.GetFileName(file)}: '{definition.Id}' version {definition.Version} is already published with different content; raise \"version\" to publish a change.");
                continue;
            }
            db.PublishedWorkflows.Add(new PublishedWorkflow
            {
                WorkflowId = definition.Id, Version = definition.Version, Title = definition.Title,
                Json = json, ContentHash = hash, PublishedAt = now,
            });
            published.Add($"{definition.Id} v{definition.Version}");
        }
        await db.SaveChangesAsync(ct);
        return published;
    }

    /// <summary>Whether every file of the folder is published as it is, by content hash alone: one query that reads
    /// hashes, no parsing or validation, so a command that changes nothing in the folder pays almost nothing for it.</summary>
    public static async Task<bool> IsPublishedAsync(ReferralFlowDb db, string directory, CancellationToken ct = default)
    {
        var hashes = new List<string>();
        foreach (var file in WorkflowFiles.In(directory)) hashes.Add(Hash(await File.ReadAllTextAsync(file, ct)));
        var published = await db.PublishedWorkflows.Where(w => hashes.Contains(w.ContentHash)).Select(w => w.ContentHash).ToListAsync(ct);
        return hashes.All(published.Contains);
    }

    private static WorkflowDefinition Parse(string json, string name)
    {
        var result = DefinitionLoader.Load(json, name);
        return result.Definition ?? throw new ReferralFlowException(
            $"Published workflow {name} no longer loads: {result.Problems.FirstOrDefault()}");
    }

    private static string Hash(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ReplaceLineEndings("\n"))));
}
