using ReferralFlow.Core.Access;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;

namespace ReferralFlow.Web.SignIn;

/// <summary>The access rule (Core/Access/ReferralAccess) for the signed-in user of this request, as pages and API
/// endpoints ask it.</summary>
public sealed class StaffAccess(IHttpContextAccessor http, ReferralFlowDb db, TimeProvider clock)
{
    public StaffMember Member => StaffClaims.Member(http.HttpContext!.User)
        ?? throw new InvalidOperationException("The access rule was asked about an anonymous request.");

    public IQueryable<Referral> VisibleReferrals => ReferralAccess.Visible(db, Member);

    public IQueryable<Guid> OwnedReferralIds => ReferralAccess.Owned(db, Member).Select(r => r.Id);

    public IQueryable<HandOff> VisibleHandOffs => ReferralAccess.HandOffs(db, Member);

    public Task<ReferralGrant> GrantAsync(Guid referralId, CancellationToken ct) =>
        ReferralAccess.ForAsync(db, Member, referralId, clock.GetUtcNow(), ct);
}
