using Microsoft.Playwright;
using ReferralFlow.Tests.Web;

namespace ReferralFlow.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven through Playwright. The executable comes from REFERRALFLOW_TEST_CHROMIUM,
/// which ./test.sh sets after installing the package; Playwright's own browser downloads are never used.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string Variable = "REFERRALFLOW_TEST_CHROMIUM";

    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException($"Browser tests need {Variable}; run ./test.sh, which installs Debian's chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A page whose every request carries the member's access token, as an API client's would: the browser
    /// is signed in without going through the sign-in page and its second factor.</summary>
    public async Task<IPage> SignedInPageAsync(TestMember member)
    {
        var context = await Browser.NewContextAsync();
        await context.SetExtraHTTPHeadersAsync([new KeyValuePair<string, string>("Authorization", $"Bearer {member.Token}")]);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
