using System.Runtime.CompilerServices;

namespace ReferralFlow.Tests.Mail;

/// <summary>
/// A small stand-in for Verify (not restorable here, DESIGN.md §1): compares a text with
/// <c>Approved/{name}.verified.txt</c> beside the calling test's source file. On a difference, or when there is no
/// verified file yet, it writes <c>{name}.received.txt</c> next to it and fails; if the received text is right,
/// rename it to <c>.verified.txt</c> and commit it.
/// </summary>
public static class Approval
{
    public static void Verify(string received, string name, [CallerFilePath] string testSourceFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(testSourceFile)!, "Approved");
        var verifiedPath = Path.Combine(folder, $"{name}.verified.txt");
        var receivedPath = Path.Combine(folder, $"{name}.received.txt");
        var text = received.ReplaceLineEndings("\n");
        if (File.Exists(verifiedPath) && File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") == text)
        {
            File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, text);
        Assert.Fail(File.Exists(verifiedPath)
            ? $"{name} differs from {verifiedPath}; compare it with {receivedPath} and, if the change is right, replace the verified file with it."
            : $"{name} has no verified text yet; check {receivedPath} and, if it is right, rename it to {Path.GetFileName(verifiedPath)}.");
    }
}
