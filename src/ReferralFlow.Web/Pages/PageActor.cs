namespace ReferralFlow.Web.Pages;

/// <summary>Who the history records for actions taken on the pages, until users sign in.</summary>
public static class PageActor
{
    public const string Name = "web";
}
