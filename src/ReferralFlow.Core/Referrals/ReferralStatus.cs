namespace ReferralFlow.Core.Referrals;

public enum ReferralStatus
{
    Active,
    Closed,
    Withdrawn,
}
