using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ReferralFlow.Core.Audit;

/// <summary>
/// The secret that seals the audit chain (HMAC-SHA256), kept beside the Data Protection keys and never in the
/// database: whoever can only write to the database cannot compute a valid hash for an edited entry.
/// It is a random 256-bit key in its own file (<c>audit.key</c>, readable by its owner only) rather than a payload
/// protected by the Data Protection key ring: that ring rotates and may revoke its keys, and losing the key that
/// unwraps the audit key would leave the whole trail unverifiable; on Linux the ring's own XML files sit unencrypted
/// in the same folder, so wrapping would add no secrecy there. The folder is backed up with the keys, apart from the
/// database.
/// </summary>
public sealed class AuditKey
{
    public const string FileName = "audit.key";
    private const int Bytes = 32;

    // Sealing asks for the key on every audited save; the file is read once per process and folder.
    private static readonly ConcurrentDictionary<string, AuditKey> Loaded = new(StringComparer.Ordinal);

    private readonly byte[] secret;

    private AuditKey(byte[] secret) => this.secret = secret;

    public static string PathIn(string keysFolder) => Path.Combine(keysFolder, FileName);

    /// <summary>The key of <paramref name="keysFolder"/>, made on first use. The web host and the CLI share it
    /// through the keys folder, as they share the Data Protection keys.</summary>
    public static AuditKey LoadOrCreate(string keysFolder) =>
        Loaded.GetOrAdd(Path.GetFullPath(keysFolder), folder => TryLoad(folder) ?? Create(folder));

    /// <summary>The key when its file exists; never makes one (a verifier with a fresh key would only report
    /// every keyed entry as altered).</summary>
    public static AuditKey? TryLoad(string keysFolder)
    {
        var path = PathIn(keysFolder);
        if (!File.Exists(path)) return null;
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        catch (FormatException)
        {
            secret = [];
        }
        return secret.Length == Bytes ? new AuditKey(secret)
            : throw new ReferralFlowException($"The audit key {path} is damaged (not {Bytes} bytes in base64); restore it from the keys backup.");
    }

    private static AuditKey Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var secret = RandomNumberGenerator.GetBytes(Bytes);
        var temporary = Path.Combine(folder, $".{FileName}.{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(temporary, Encoding.ASCII, options))
            writer.WriteLine(Convert.ToBase64String(secret));
        try
        {
            // A rename that never replaces: when two processes make the first key at once, both use the winner's.
            File.Move(temporary, PathIn(folder), overwrite: false);
            return new AuditKey(secret);
        }
        catch (IOException) when (File.Exists(PathIn(folder)))
        {
            File.Delete(temporary);
            return TryLoad(folder)!;
        }
    }

    internal string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text)));
}
