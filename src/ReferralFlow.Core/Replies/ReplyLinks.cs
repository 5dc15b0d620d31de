using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Replies;

/// <summary>One answer's link as it goes into the partner's e-mail.</summary>
public sealed record ReplyLink(string Outcome, string Url);

/// <summary>
/// Issues the links a partner answers with: one per answer it may choose (<see cref="PartnerAnswers"/>), each with
/// its own random token, bound to the hand-off and the addressee, stored only as a hash. The plain tokens exist
/// only in the returned URLs, so call this when the message is composed and put the links straight into it.
/// </summary>
/// <param name="publicUrl">Base of the links: REFERRALFLOW_PUBLIC_URL, else the web host's own address.</param>
public sealed class ReplyLinks(Uri publicUrl, WorkflowLibrary library, TimeProvider clock)
{
    public static readonly TimeSpan DefaultExpiryAfterDue = TimeSpan.FromDays(30);

    /// <summary>How long after the hand-off's due date its links still work (REFERRALFLOW_REPLY_EXPIRY_DAYS).</summary>
    public TimeSpan ExpiryAfterDue { get; init; } = DefaultExpiryAfterDue;

    /// <summary>A late answer is still worth having, so links outlive the deadline; a request without a due date
    /// counts from the moment the links are issued.</summary>
    public DateTimeOffset ExpiryFor(HandOff handOff) => (handOff.DueAt ?? clock.GetUtcNow()) + ExpiryAfterDue;

    /// <summary>With the default expiry (<see cref="ExpiryFor"/>).</summary>
    public async Task<IReadOnlyList<ReplyLink>> IssueAsync(ReferralFlowDb db, Guid handOffId, Guid? contactId, CancellationToken ct)
    {
        var handOff = await FindOpenAsync(db, handOffId, ct);
        return await IssueAsync(db, handOff, contactId, ExpiryFor(handOff), ct);
    }

    /// <summary>
    /// Adds one token row per choosable answer and saves them with <see cref="DbContext.SaveChangesAsync(CancellationToken)"/>,
    /// so inside the caller's open transaction they commit or roll back with it (without one they commit at once).
    /// Each call issues fresh links; earlier ones stay valid until the hand-off is answered or they expire.
    /// </summary>
    /// <exception cref="ReferralFlowException">The hand-off does not exist or is no longer open.</exception>
    public async Task<IReadOnlyList<ReplyLink>> IssueAsync(
        ReferralFlowDb db, Guid handOffId, Guid? contactId, DateTimeOffset expiresAt, CancellationToken ct) =>
        await IssueAsync(db, await FindOpenAsync(db, handOffId, ct), contactId, expiresAt, ct);

    private async Task<IReadOnlyList<ReplyLink>> IssueAsync(
        ReferralFlowDb db, HandOff handOff, Guid? contactId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (expiresAt <= now)
            throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, "Reply links must expire in the future.");
        var links = new List<ReplyLink>();
        foreach (var outcome in await PartnerAnswers.ForAsync(db, library, handOff, ct))
        {
            var token = ReplyTokenText.New();
            db.ReplyTokens.Add(new ReplyToken
            {
                Id = Guid.CreateVersion7(now), HandOffId = handOff.Id, ContactId = contactId, Outcome = outcome,
                TokenHash = ReplyTokenText.Hash(token), CreatedAt = now, ExpiresAt = expiresAt,
            });
            links.Add(new ReplyLink(outcome, $"{publicUrl.AbsoluteUri.TrimEnd('/')}/reply/{token}"));
        }
        await db.SaveChangesAsync(ct);
        return links;
    }

    private static async Task<HandOff> FindOpenAsync(ReferralFlowDb db, Guid handOffId, CancellationToken ct)
    {
        var handOff = await db.HandOffs.AsNoTracking().SingleOrDefaultAsync(h => h.Id == handOffId, ct)
            ?? throw new ReferralFlowException($"No hand-off {handOffId}; list them with 'referralflow handoffs list'.");
        return handOff.IsOpen ? handOff
            : throw new ReferralFlowException(
                $"Hand-off '{handOff.Title}' is {HandOffStatusCodes.ToCode(handOff.Status)}; a closed request gets no reply links.");
    }
}
