using ReferralFlow.Core;

namespace ReferralFlow.Cli.Commands;

/// <summary>
/// The file an export writes: the person's whole record in clear. It is checked before anything is read (so a refused
/// target exports and audits nothing), never reached through a symbolic link (which could send the record somewhere the
/// operator did not mean), never overwritten unless asked, and created readable by its owner only from the first byte.
/// </summary>
internal static class ExportTarget
{
    public static void Check(string path, bool force)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
            throw new ReferralFlowException($"{path} is a symbolic link; give the path of a regular file (an export never follows a link).");
        if (Directory.Exists(path))
            throw new ReferralFlowException($"{path} is a folder; give the path of a file.");
        if (info.Exists && !force)
            throw new ReferralFlowException($"{path} already exists; give another path, or --force to replace it.");
        if (info.Directory is { Exists: false })
            throw new ReferralFlowException($"The folder of {path} does not exist; create it first.");
    }

    public static async Task WriteAsync(string path, string text, bool force, CancellationToken ct)
    {
        Check(path, force);
        // Replaced by a new file rather than written through: CreateNew fails on anything that appeared at the path
        // since the check, a link included.
        if (force && File.Exists(path)) File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            await using var stream = new FileStream(path, options);
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(text.AsMemory(), ct);
        }
        catch (IOException) when (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            throw new ReferralFlowException($"{path} appeared while the export was written; nothing was written to it.");
        }
    }
}
