namespace ReferralFlow.Core.Tasks;

public enum WorkTaskStatus
{
    Open,
    Completed,
    Cancelled,
    Expired,
}
