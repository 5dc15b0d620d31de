namespace ReferralFlow.Cli.Output;

/// <summary>Plain aligned columns: readable in a terminal, in a pipe and in a log, with no box drawing.</summary>
internal static class TextTable
{
    private const string Gap = "  ";

    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string indent = "")
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => all.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        writer.WriteLine(Format(headers, widths, indent));
        foreach (var row in all) writer.WriteLine(Format(row, widths, indent));
    }

    private static string Format(IReadOnlyList<string> cells, int[] widths, string indent) =>
        indent + string.Join(Gap, cells.Select((c, i) => i == cells.Count - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
