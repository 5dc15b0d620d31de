namespace ReferralFlow.Core.Partners;

/// <summary>One thing wrong with a directory file: where (line and path) and what to do about it. Warnings do not
/// stop an import; any error stops all of it.</summary>
public sealed record DirectoryProblem(string File, int Line, string Path, string Message, bool IsWarning = false)
{
    public override string ToString() =>
        $"{File}:{(Line > 0 ? $"{Line}:" : "")} {(IsWarning ? "warning" : "error")}: {Path}: {Message}";
}

/// <summary>Collects the problems of one file, so that checking goes on after the first one.</summary>
internal sealed class DirectoryProblems(string file)
{
    private readonly List<DirectoryProblem> list = [];

    public IReadOnlyList<DirectoryProblem> List => list;
    public bool HasErrors => list.Any(p => !p.IsWarning);

    public void Error(int line, string path, string message) => list.Add(new(file, line, path, message));

    public void Warning(int line, string path, string message) => list.Add(new(file, line, path, message, IsWarning: true));

    /// <summary>In file order, so that a reader fixes them top to bottom.</summary>
    public IReadOnlyList<DirectoryProblem> Sorted() => [.. list.OrderBy(p => p.Line)];
}
