using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReferralFlow.Tests.Browser;

/// <summary>What every browser test does on each page it shows a person: a full-page screenshot kept as an artefact
/// (REFERRALFLOW_TEST_ARTIFACTS, which ./test.sh points at ./artifacts/browser) and an axe-core accessibility check
/// that fails on any violation.</summary>
public static class PageChecks
{
    public const string Variable = "REFERRALFLOW_TEST_ARTIFACTS";

    public static string Folder => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder
        ? folder : Path.Combine(AppContext.BaseDirectory, "artifacts", "browser");

    public static async Task CheckAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target.ToString())))}").ToList();
        Assert.True(violations.Count == 0, $"Accessibility problems on '{name}':{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }
}
