using System.Globalization;
using System.Net;
using System.Text;
using ReferralFlow.Engine.Definitions;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// The <c>{{facts}}</c> paragraph: a heading (<c>facts.heading</c>) and one row per fact, its label from the phrase
/// <c>fact.{name}</c> and its value in the addressee's language (yes/no, document names). In text the labels form an
/// aligned column; in HTML a table. Date-times show with the offset they were recorded with ("UTC+01:00").
/// </summary>
internal static class FactTable
{
    public static (string Text, string Html) Render(TemplateSet set, string language, IReadOnlyList<MessageFact> facts)
    {
        var rows = facts.Select(f => (Label: set.Phrase(language, "fact." + f.Name) ?? Readable(f.Name), Value: Value(set, language, f))).ToList();
        var heading = set.Phrase(language, "facts.heading") ?? "Details";
        var width = rows.Max(r => r.Label.Length) + 2;
        var text = new StringBuilder(heading).Append('\n');
        text.AppendJoin("\n", rows.Select(r => (r.Label + ":").PadRight(width) + " " + r.Value));
        var html = new StringBuilder($"<p>{WebUtility.HtmlEncode(heading)}</p>\n<table style=\"border-collapse: collapse;\">\n");
        foreach (var (label, value) in rows)
            html.Append("<tr><th scope=\"row\" style=\"text-align: left; padding: 2px 16px 2px 0; vertical-align: top;\">")
                .Append(WebUtility.HtmlEncode(label)).Append("</th><td style=\"padding: 2px 0;\">")
                .Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
        html.Append("</table>\n");
        return (text.ToString(), html.ToString());
    }

    public static string Time(DateTimeOffset at)
    {
        var local = at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (at.Offset == TimeSpan.Zero) return local + " UTC";
        var sign = at.Offset < TimeSpan.Zero ? "-" : "+";
        return $"{local} UTC{sign}{at.Offset.Duration():hh\\:mm}";
    }

    private static string Value(TemplateSet set, string language, MessageFact fact) => fact.Type switch
    {
        FactTypes.DateTime => Time(fact.At!.Value),
        FactTypes.YesNo => set.Phrase(language, fact.YesNo == true ? "fact.yes" : "fact.no") ?? (fact.YesNo == true ? "yes" : "no"),
        FactTypes.DocumentList => string.Join(", ", fact.Documents.Select(d => set.Phrase(language, "document." + d) ?? Readable(d))),
        FactTypes.Text => set.Phrase(language, "value." + fact.Text) ?? Readable(fact.Text!),
        _ => fact.Text!,
    };

    private static string Readable(string name) => name.Replace('-', ' ');
}
