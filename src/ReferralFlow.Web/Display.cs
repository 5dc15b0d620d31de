using System.Globalization;
using System.Text;

namespace ReferralFlow.Web;

/// <summary>How times, deadlines and engine words read on the pages. Times are UTC, as stored.</summary>
public static class Display
{
    public static string When(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool IsOverdue(DateTimeOffset? dueAt, DateTimeOffset now) => dueAt is { } due && due < now;

    /// <summary>"in 3 days", "5 hours ago".</summary>
    public static string Relative(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var span = dueAt - now;
        var size = span.Duration();
        var amount = size.TotalDays >= 2 ? Plural((int)size.TotalDays, "day")
            : size.TotalHours >= 2 ? Plural((int)size.TotalHours, "hour")
            : Plural(Math.Max(1, (int)size.TotalMinutes), "minute");
        return span < TimeSpan.Zero ? $"{amount} ago" : $"in {amount}";
    }

    /// <summary>"task-created" → "Task created"; "travel.departureAt" → "Travel departure at".</summary>
    public static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '-' or '.' or '_') text.Append(' ');
            else if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1])) text.Append(' ').Append(char.ToLowerInvariant(c));
            else text.Append(c);
        }
        return text.Length == 0 ? text.ToString() : char.ToUpperInvariant(text[0]) + text.ToString(1, text.Length - 1);
    }

    /// <summary>"handoff-answered" → "Hand-off answered".</summary>
    public static string HistoryKind(string kind) => Words(kind).Replace("Handoff", "Hand-off", StringComparison.Ordinal);

    public static string Attempts(int attempts) => attempts == 1 ? "tried once" : $"tried {attempts} times";

    /// <summary>How a partner's answer reached us, as a phrase: "by phone", "in person".</summary>
    public static string Channel(string channel) => channel switch
    {
        "in-person" => "in person",
        "link" => "through the reply link",
        _ => $"by {channel}",
    };

    /// <summary>CSS modifier for a referral or hand-off status badge.</summary>
    public static string StatusClass(string status) => status switch
    {
        "active" or "requested" or "received" or "in-progress" or "accepted" => "badge--active",
        "closed" or "completed" => "badge--done",
        "withdrawn" or "cancelled" => "badge--muted",
        "rejected" or "failed" => "badge--warn",
        _ => "badge--muted",
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
