using System.Text;
using System.Text.RegularExpressions;

namespace ReferralFlow.Tests.Mail;

/// <summary>
/// Just enough of a MIME reader to check what System.Net.Mail wrote (MimeKit is not available here): unfolded
/// headers, the decoded subject, and the decoded text/plain and text/html parts of a multipart/alternative message.
/// </summary>
public sealed partial record MailFile(string Raw, IReadOnlyDictionary<string, string> Headers, string Subject, string Text, string Html)
{
    public string? MessageId => Headers.GetValueOrDefault("message-id");

    public static MailFile Parse(string raw)
    {
        var (head, body) = Split(raw.ReplaceLineEndings("\n"));
        var headers = ReadHeaders(head);
        var boundary = BoundaryPattern().Match(headers.GetValueOrDefault("content-type", "")).Groups[1].Value;
        string text = "", html = "";
        foreach (var part in body.Split("--" + boundary).Skip(1).Where(p => !p.StartsWith("--", StringComparison.Ordinal)))
        {
            var (partHead, partBody) = Split(part.TrimStart('\n'));
            var partHeaders = ReadHeaders(partHead);
            var decoded = Decode(partBody.TrimEnd('\n'), partHeaders.GetValueOrDefault("content-transfer-encoding", "7bit"));
            if (partHeaders.GetValueOrDefault("content-type", "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)) text = decoded;
            else if (partHeaders.GetValueOrDefault("content-type", "").StartsWith("text/html", StringComparison.OrdinalIgnoreCase)) html = decoded;
        }
        return new MailFile(raw, headers, DecodeWords(headers.GetValueOrDefault("subject", "")), text, html);
    }

    private static (string Head, string Body) Split(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? (text, "") : (text[..end], text[(end + 2)..]);
    }

    private static Dictionary<string, string> ReadHeaders(string head)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null) headers[last] += " " + line.Trim();
            else if (line.IndexOf(':') is > 0 and var colon)
                headers[last = line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }
        return headers;
    }

    private static string Decode(string body, string encoding) => encoding.ToLowerInvariant() switch
    {
        "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Split('\n')))),
        "quoted-printable" => QuotedPrintable(body),
        _ => body,
    };

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var text = body.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>RFC 2047 encoded words (<c>=?utf-8?B?…?=</c>), whitespace between adjacent words dropped.</summary>
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(AdjacentWords().Replace(value, "$1$2"), m =>
            m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
                : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"(\?=)\s+(=\?)")]
    private static partial Regex AdjacentWords();
}
