using System.Net.Mail;

namespace ReferralFlow.Core.Forwarding;

/// <summary>What a partner chose on the forward page: an organisation of the directory, or an address outside it.
/// Checks give the sentence to show beside the field, never the value typed.</summary>
public static class ForwardInput
{
    public const string OrganisationField = "organisation";
    public const string EmailField = "email";

    /// <summary>The address as it will be used, or null with the reason: one plain address with a dotted domain.</summary>
    public static (string? Address, string? Problem) Address(string? typed)
    {
        var text = typed?.Trim() ?? "";
        const string Problem = "Give one e-mail address, such as intake@example.org, of the organisation that can help.";
        if (text.Length is 0 or > 254 || text.Any(char.IsWhiteSpace) || text.Contains(',') || text.Contains(';')) return (null, Problem);
        try
        {
            var address = new MailAddress(text);
            // A display name or a bare host would change where the request goes; ask for the plain address.
            if (address.Address != text || !address.Host.Contains('.') || address.Host.EndsWith('.')) return (null, Problem);
            return (address.Address, null);
        }
        catch (FormatException)
        {
            return (null, Problem);
        }
    }
}
