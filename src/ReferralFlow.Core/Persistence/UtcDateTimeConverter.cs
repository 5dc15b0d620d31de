using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ReferralFlow.Core.Persistence;

/// <summary>
/// Stores every <see cref="DateTimeOffset"/> as a UTC <see cref="DateTime"/>, truncated to whole microseconds.
/// Why: SQLite has no date type and EF cannot compare or ORDER BY a DateTimeOffset there (its text keeps the
/// offset, so it does not sort as time); a UTC DateTime is written as fixed-format ISO text
/// ("2026-11-22 08:00:00.123456") that sorts and compares as time, while PostgreSQL gets a real
/// timestamptz. So <c>WHERE due_at &lt;= @now ORDER BY due_at</c> works in both, in LINQ and in raw SQL
/// (pass UTC DateTime parameters, see <see cref="ToStore"/>). Ticks as integers would sort too, but would make
/// every PostgreSQL query and report unreadable. Microseconds are PostgreSQL's precision; truncating here makes
/// both providers return the same value.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTimeOffset, DateTime>(
    value => ToStore(value),
    stored => FromStore(stored))
{
    public static DateTime ToStore(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);

    // SQLite hands back Kind=Unspecified; the stored text is always UTC.
    public static DateTimeOffset FromStore(DateTime stored) =>
        new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
