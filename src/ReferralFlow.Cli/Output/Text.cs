using System.Globalization;

namespace ReferralFlow.Cli.Output;

/// <summary>How values read in human output. Times are UTC, as stored, in the simulation timeline's format.</summary>
internal static class Text
{
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "-";

    public static string Or(string? value, string fallback = "-") => string.IsNullOrEmpty(value) ? fallback : value;

    public static string List(IEnumerable<string> values) => Or(string.Join(", ", values));

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    /// <summary>A path relative to the current folder when it lies inside it, so problem lines stay short.</summary>
    public static string Path(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? full : relative;
    }
}
