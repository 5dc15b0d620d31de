using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Partners;

public enum DirectoryFormat { Yaml, Json }

/// <summary>What an import found and did. Nothing was changed unless <see cref="Applied"/>.</summary>
public sealed record DirectoryImportResult(
    IReadOnlyList<DirectoryProblem> Problems, int Created, int Updated, int Unchanged, int Contacts, int Agreements)
{
    public IReadOnlyList<DirectoryProblem> Errors => [.. Problems.Where(p => !p.IsWarning)];
    public IReadOnlyList<DirectoryProblem> Warnings => [.. Problems.Where(p => p.IsWarning)];
    public bool Applied => Errors.Count == 0;
}

/// <summary>
/// <c>partners import</c>: reads a YAML or JSON directory file, checks all of it (every problem with its line and
/// path), and applies it in one transaction, or not at all when there is any error.
/// </summary>
public static class DirectoryImport
{
    public static DirectoryFormat FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => DirectoryFormat.Yaml,
        ".json" => DirectoryFormat.Json,
        _ => throw new ReferralFlowException($"'{path}' is neither YAML nor JSON by its name: give the file a .yaml, .yml or .json extension."),
    };

    public static async Task<DirectoryImportResult> ImportFileAsync(ReferralFlowDb db, string path, CancellationToken ct = default)
    {
        var format = FormatOf(path);
        if (!File.Exists(path)) throw new ReferralFlowException($"The directory file '{path}' does not exist; check the path.");
        return await ImportAsync(db, await File.ReadAllTextAsync(path, ct), format, path, ct);
    }

    /// <param name="fileName">How problems name the file.</param>
    public static async Task<DirectoryImportResult> ImportAsync(
        ReferralFlowDb db, string text, DirectoryFormat format, string fileName, CancellationToken ct = default)
    {
        var problems = new DirectoryProblems(fileName);
        var file = Read(text, format, problems);
        if (file is null) return Result(problems, file, null);

        // The whole-file checks run even after field errors, so that one run lists everything to fix. They read the
        // rest of the directory: in the transaction, so that they and the changes see the same state.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var keys = file.Organisations.Select(o => o.Id).ToList();
        var contactsElsewhere = await (
                from c in db.Contacts join o in db.Organisations on c.OrganisationId equals o.Id
                where !keys.Contains(o.Key) select new { c.Key, Organisation = o.Key })
            .ToDictionaryAsync(x => x.Key, x => x.Organisation, ct);
        var agreementsElsewhere = await (
                from a in db.Agreements join o in db.Organisations on a.OrganisationId equals o.Id
                where !keys.Contains(o.Key) select new { a.Key, Organisation = o.Key })
            .ToDictionaryAsync(x => x.Key, x => x.Organisation, ct);
        var networkNow = await db.NetworkContacts.ToDictionaryAsync(n => n.Role, n => n.ContactKey, ct);
        DirectoryChecks.Run(file, contactsElsewhere, agreementsElsewhere, networkNow, problems);
        if (problems.HasErrors) return Result(problems, file, null);

        var counts = await DirectoryUpsert.ApplyAsync(db, file, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result(problems, file, counts);
    }

    /// <summary>The file's entries with the problems of each field, or null when it cannot be read at all.</summary>
    internal static DirectoryFile? Read(string text, DirectoryFormat format, DirectoryProblems problems)
    {
        var root = format == DirectoryFormat.Yaml ? YamlDirectoryReader.Read(text, problems) : JsonDirectoryReader.Read(text, problems);
        return root is null ? null : DirectoryBinder.Bind(root, problems);
    }

    private static DirectoryImportResult Result(DirectoryProblems problems, DirectoryFile? file, DirectoryUpsert.Counts? counts) => new(
        problems.Sorted(), counts?.Created ?? 0, counts?.Updated ?? 0, counts?.Unchanged ?? 0,
        file?.Organisations.Sum(o => o.Contacts.Count) ?? 0, file?.Organisations.Sum(o => o.Agreements.Count) ?? 0);
}
