using System.Text.RegularExpressions;

namespace ReferralFlow.Tests.Web;

/// <summary>What a browser does with a server-rendered form: read the antiforgery token and hidden ids
/// from the page, then post the fields back (the client keeps the antiforgery cookie).</summary>
public static partial class FormPosts
{
    public static async Task<string> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } match ? match.Groups[1].Value
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public static IReadOnlyList<string> HiddenValues(string html, string name) =>
        [.. HiddenInput().Matches(html).Where(m => m.Groups[1].Value == name).Select(m => m.Groups[2].Value)];

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string html, params (string Name, string Value)[] fields) =>
        client.PostAsync(url, new FormUrlEncodedContent(
            fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
                .Append(KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(html)))));

    /// <summary>The tasks a referral page sends to their form (<c>/tasks/complete/{id}</c>).</summary>
    public static IReadOnlyList<string> FormLinks(string html) =>
        [.. FormLink().Matches(html).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex("href=\"/tasks/complete/([0-9a-f-]{36})\"")]
    private static partial Regex FormLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    [GeneratedRegex("""<input type="hidden" name="([^"]+)" value="([^"]+)" />""")]
    private static partial Regex HiddenInput();
}
