using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ReferralFlow.Core.Mail;

public sealed record RenderedMessage(string Template, string Language, string Subject, string Text, string Html);

/// <summary>
/// Fills <c>{{placeholder}}</c>s from <see cref="MessageFacts"/> into plain text and HTML. Templates are plain text:
/// in HTML every literal and every value is encoded, paragraphs (blank-line separated) become &lt;p&gt;, and
/// <c>{{answerLinks}}</c>, which must stand alone in its paragraph, becomes a list of links. A paragraph holding
/// <c>{{alternatives}}</c> is left out when there are no alternatives to suggest. <c>{{facts}}</c>, also alone in its
/// paragraph, becomes the step's facts as a table (<see cref="FactTable"/>), left out when the step has none.
/// </summary>
public static partial class TemplateRenderer
{
    public const string AnswerLinks = "answerLinks";
    public const string Alternatives = "alternatives";
    public const string Facts = "facts";

    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "caseCode", "request", "dueAt", "senderName", "senderEmail", "answer", AnswerLinks, Alternatives, Facts,
    };

    /// <summary>Placeholders that become a block (a list, a table) and so must stand alone in their paragraph.</summary>
    private static readonly string[] Blocks = [AnswerLinks, Facts];

    public static RenderedMessage Render(TemplateSet set, string template, string? wantedLanguage, MessageFacts facts)
    {
        var language = set.LanguageFor(template, wantedLanguage);
        var source = set.Get(template, language);
        var values = Values(set, language, facts);
        var links = facts.Links.Select(l => (Label: set.Phrase(language, LinkKey(l.Name)) ?? Readable(l.Name), Url: l.Url.AbsoluteUri)).ToList();

        var subject = Fill(source.Subject, values, encode: false);
        var text = new List<string>();
        var html = new StringBuilder();
        foreach (var paragraph in source.Body.Split("\n\n"))
        {
            if (paragraph.Trim() == $"{{{{{AnswerLinks}}}}}")
            {
                if (links.Count == 0) continue;
                text.Add(string.Join("\n", links.Select(l => $"- {l.Label}: {l.Url}")));
                html.Append("<ul>\n").AppendJoin("", links.Select(l =>
                    $"<li><a href=\"{WebUtility.HtmlEncode(l.Url)}\">{WebUtility.HtmlEncode(l.Label)}</a></li>\n")).Append("</ul>\n");
                continue;
            }
            if (paragraph.Trim() == $"{{{{{Facts}}}}}")
            {
                if (facts.Facts.Count == 0) continue;
                var table = FactTable.Render(set, language, facts.Facts);
                text.Add(table.Text);
                html.Append(table.Html);
                continue;
            }
            if (facts.Alternatives.Count == 0 && PlaceholdersIn(paragraph).Contains(Alternatives)) continue;
            text.Add(Fill(paragraph, values, encode: false));
            html.Append("<p>").AppendJoin("<br>\n", paragraph.Split('\n').Select(line => Fill(line, values, encode: true))).Append("</p>\n");
        }
        var page = set.Layout
            .Replace("{{language}}", WebUtility.HtmlEncode(language), StringComparison.Ordinal)
            .Replace("{{subject}}", WebUtility.HtmlEncode(subject), StringComparison.Ordinal)
            .Replace("{{body}}", html.ToString().TrimEnd('\n'), StringComparison.Ordinal);
        return new RenderedMessage(template, language, subject, string.Join("\n\n", text) + "\n", page);
    }

    /// <summary>Unknown placeholders, unbalanced braces and a misplaced <c>{{answerLinks}}</c> or <c>{{facts}}</c>, one line each.</summary>
    public static IReadOnlyList<string> Problems(MessageTemplate template)
    {
        var problems = new List<string>();
        foreach (var (part, text) in new[] { ("subject", template.Subject), ("body", template.Body) })
        {
            foreach (var name in PlaceholdersIn(text).Where(n => !Placeholders.Contains(n)).Distinct())
                problems.Add($"unknown placeholder {{{{{name}}}}} in the {part}; known: {string.Join(", ", Placeholders.Order())}");
            var stripped = Placeholder().Replace(text, "");
            if (stripped.Contains("{{", StringComparison.Ordinal) || stripped.Contains("}}", StringComparison.Ordinal))
                problems.Add($"a '{{{{' or '}}}}' in the {part} is not part of a {{{{placeholder}}}}");
        }
        foreach (var block in Blocks.Select(b => $"{{{{{b}}}}}"))
            if (template.Subject.Contains(block, StringComparison.Ordinal)
                || template.Body.Split("\n\n").Any(p => p.Contains(block, StringComparison.Ordinal) && p.Trim() != block))
                problems.Add($"{block} must stand alone in its paragraph");
        return problems;
    }

    public static IReadOnlyList<string> PlaceholdersIn(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    private static Dictionary<string, (string Text, string Html)> Values(TemplateSet set, string language, MessageFacts facts)
    {
        var request = set.Phrase(language, "request." + facts.Request) ?? Readable(facts.Request);
        var due = facts.DueAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
            : set.Phrase(language, "due.none") ?? "-";
        var answer = facts.Answer is { } a ? set.Phrase(language, "answer." + a) ?? Readable(a) : "-";
        var email = facts.Sender.Email.Address;
        return new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["caseCode"] = Plain(facts.CaseCode),
            ["request"] = Plain(request),
            ["dueAt"] = Plain(due),
            ["answer"] = Plain(answer),
            ["senderName"] = Plain(facts.Sender.Organisation),
            [Alternatives] = Plain(string.Join("; ", facts.Alternatives.Select(a => $"{a.Organisation} ({a.Country}, {a.Kind})"))),
            ["senderEmail"] = (email, $"<a href=\"mailto:{WebUtility.HtmlEncode(email)}\">{WebUtility.HtmlEncode(email)}</a>"),
        };
    }

    private static (string, string) Plain(string value) => (value, WebUtility.HtmlEncode(value));

    private static string Fill(string text, Dictionary<string, (string Text, string Html)> values, bool encode)
    {
        var result = new StringBuilder();
        var last = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            var literal = text[last..match.Index];
            result.Append(encode ? WebUtility.HtmlEncode(literal) : literal);
            var value = values[match.Groups[1].Value];
            result.Append(encode ? value.Html : value.Text);
            last = match.Index + match.Length;
        }
        result.Append(encode ? WebUtility.HtmlEncode(text[last..]) : text[last..]);
        return result.ToString();
    }

    private static string LinkKey(string name) => name is "tasks" or "referral" ? "link." + name : "answer." + name;

    private static string Readable(string name) => name.Replace('-', ' ');

    [GeneratedRegex(@"\{\{\s*([A-Za-z]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
