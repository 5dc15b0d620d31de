using System.Globalization;
using System.Text.Json.Nodes;

namespace ReferralFlow.Core.Replies;

/// <summary>The checked answer as stored, or the problems per field name (nothing is stored then).</summary>
public sealed record ReplyFormResult(JsonObject Answer, IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>Server-side validation of a reply form; the page's own hints are a convenience, this is the rule.</summary>
public static class ReplyFormCheck
{
    public const int MaxText = 200;
    public const int MaxLongText = 4000;

    /// <summary>Partners may type their local time although the page says UTC: allow the widest offset (+14:00).</summary>
    private static readonly TimeSpan FutureSlack = TimeSpan.FromHours(14);

    private static readonly string[] DateTimeFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static ReplyFormResult Check(string outcome, IReadOnlyDictionary<string, string?> values, DateTimeOffset now)
    {
        var answer = new JsonObject();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in ReplyForms.For(outcome).Fields)
        {
            var text = values.GetValueOrDefault(field.Name)?.Trim() is { Length: > 0 } given ? given : null;
            if (field.Type == ReplyFieldType.Flag)
            {
                answer[field.Name] = text is "on" or "true";
                continue;
            }
            if (text is null)
            {
                if (field.Missing is { } missing) errors[field.Name] = missing;
                continue;
            }
            if (Parse(field, text, now, out var error) is { } value) answer[field.Name] = value;
            else errors[field.Name] = error!;
        }
        // The workflow branches on the answer, not on the form: a risk reported under "received" would not alert anyone.
        if (answer["riskFlag"]?.GetValue<bool>() == true)
            errors["riskFlag"] = "A report with signs of a re-trafficking risk must be sent with the \"risk flagged\" answer, " +
                "so that the sender is alerted at once: use that link in the e-mail instead.";
        return new ReplyFormResult(answer, errors);
    }

    private static JsonNode? Parse(ReplyField field, string text, DateTimeOffset now, out string? error)
    {
        error = null;
        switch (field.Type)
        {
            case ReplyFieldType.Text or ReplyFieldType.LongText:
                var max = field.Type == ReplyFieldType.Text ? MaxText : MaxLongText;
                if (text.Length <= max) return text;
                error = $"{field.Label}: keep it under {max} characters.";
                return null;
            case ReplyFieldType.DateTime:
                if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                    error = $"{field.Label}: write it as YYYY-MM-DD HH:MM, for example 2027-01-14 09:30.";
                else if (new DateTimeOffset(at, TimeSpan.Zero) > now + FutureSlack)
                    error = $"{field.Label}: it lies in the future; give the date and time it happened.";
                else
                    return new DateTimeOffset(at, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
                return null;
            case ReplyFieldType.Date:
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    error = $"{field.Label}: write it as YYYY-MM-DD, for example 2027-01-14.";
                else if (day.ToDateTime(TimeOnly.MinValue) > (now + FutureSlack).UtcDateTime)
                    error = $"{field.Label}: it lies in the future; give the date of the contact.";
                else
                    return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return null;
            case ReplyFieldType.Choice:
                if (field.Choices!.Any(c => c.Value == text)) return text;
                error = $"{field.Label}: choose one of {string.Join(", ", field.Choices!.Select(c => $"\"{c.Label}\""))}.";
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Unknown reply field type.");
        }
    }
}
