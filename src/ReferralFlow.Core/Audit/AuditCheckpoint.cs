using System.Globalization;
using System.Text;

namespace ReferralFlow.Core.Audit;

/// <summary>
/// The signed head checkpoint in the keys folder (<c>audit-head</c>): which trail it anchors (the hash of entry 1),
/// its newest entry, and up to which entry the trail was sealed with the plain SHA-256 of older versions. Signed with
/// the audit key, so a database writer can neither forge nor edit it; <c>audit verify</c> compares the database with it.
/// One keys folder anchors one database: a copy of the database (a rehearsal) needs a copy of the keys folder.
/// </summary>
public sealed record AuditCheckpoint(string Chain, AuditHead Head, long? PlainUntil)
{
    public const string FileName = "audit-head";

    public static string PathIn(string keysFolder) => Path.Combine(keysFolder, FileName);

    /// <summary>The checkpoint of the folder, or null when there is none; a checkpoint whose signature fails is
    /// reported, never trusted.</summary>
    public static AuditCheckpoint? Read(string keysFolder, AuditKey key)
    {
        var path = PathIn(keysFolder);
        if (!File.Exists(path)) return null;
        var fields = File.ReadAllLines(path).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        var head = AuditHead.TryParse(fields.GetValueOrDefault("head"));
        long? plainUntil = long.TryParse(fields.GetValueOrDefault("plain-until"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var checkpoint = head is null || fields.GetValueOrDefault("chain") is not { Length: > 0 } chain ? null : new AuditCheckpoint(chain, head, plainUntil);
        return checkpoint is not null && fields.GetValueOrDefault("signature") == checkpoint.Signature(key)
            ? checkpoint
            : throw new ReferralFlowException(
                $"The audit head checkpoint {path} does not carry a valid signature of the audit key: it was edited, or written with another key.");
    }

    /// <summary>Replaces the folder's checkpoint atomically (a rename), readable by its owner only.</summary>
    public void Write(string keysFolder, AuditKey key)
    {
        var text = new StringBuilder()
            .AppendLine("# The audit trail's newest entry, signed with the audit key; checked by 'referralflow audit verify'.")
            .AppendLine($"chain {Chain}")
            .AppendLine($"head {Head}")
            .AppendLine($"plain-until {(PlainUntil is { } until ? until.ToString(CultureInfo.InvariantCulture) : "unknown")}")
            .AppendLine($"signature {Signature(key)}")
            .ToString();
        Directory.CreateDirectory(keysFolder);
        var temporary = Path.Combine(keysFolder, $".{FileName}.{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, new UTF8Encoding(false), options))
            writer.Write(text);
        File.Move(temporary, PathIn(keysFolder), overwrite: true);
    }

    /// <summary>Moves the folder's checkpoint forward to this one. Never backwards and never onto another trail's:
    /// two writers finishing out of order leave the newer head, or at worst a slightly older one, which is still
    /// true. The plain-hash boundary, once recorded, never moves: a writer that later finds a plain-hashed tail
    /// (forged without the key) cannot push it on.</summary>
    public void Advance(string keysFolder, AuditKey key)
    {
        var current = Read(keysFolder, key);
        if (current is not null && (current.Chain != Chain || current.Head.Sequence >= Head.Sequence)) return;
        (this with { PlainUntil = current?.PlainUntil ?? PlainUntil }).Write(keysFolder, key);
    }

    private string Signature(AuditKey key) =>
        key.Sign($"audit-head|{Chain}|{Head}|{PlainUntil?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}");
}
