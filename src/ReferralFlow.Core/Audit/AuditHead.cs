using System.Globalization;

namespace ReferralFlow.Core.Audit;

/// <summary>The newest entry of the chain, written <c>SEQ:HASH</c>: kept outside the database, it shows whether
/// entries were deleted from the end, which the chain alone cannot.</summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    public override string ToString() => $"{Sequence.ToString(CultureInfo.InvariantCulture)}:{Hash}";

    /// <summary>Reads <c>SEQ:HASH</c>; the hash may itself contain a colon (<c>hmac:…</c>).</summary>
    public static AuditHead? TryParse(string? text)
    {
        var parts = text?.Trim().Split(':', 2);
        return parts is [var sequence, { Length: > 0 } hash]
            && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? new AuditHead(number, hash)
            : null;
    }
}
