using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.Hosting;

/// <summary>The README's first command, run for real (<c>dotnet run --project src/ReferralFlow.Web</c>, its launch
/// profile included) on a free loopback port, in a fresh folder: Production, demo data, plain Kestrel.</summary>
public class ReadmeCommandTests
{
    [Fact]
    public async Task The_readme_command_runs_in_production_with_demo_data_and_shows_no_exception_details()
    {
        using var folder = new TempDirectory("rf-readme");
        var port = FreePort();
        using var web = Start(folder.Path, port);
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30),
        };
        try
        {
            var home = await WaitForAsync(client, web);
            var malformed = await client.PostAsync("/api/referrals",
                new StringContent("""{"workflow":"transnational-return","person":{"fullName":"\ud800"}}""", Encoding.UTF8, "application/json"));
            var problem = await malformed.Content.ReadAsStringAsync();

            // Closed by default: the first page is the sign-in, and the console printed the demo users' sign-in.
            var signIn = await home.Content.ReadAsStringAsync();
            Assert.EndsWith("/signin", home.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            var coordinator = System.Text.RegularExpressions.Regex.Match(web.Output(),
                @"Demo user: (\S+)  role: coordinator  organisation: .+  password: (\S+)");
            Assert.True(coordinator.Success, web.Output());
            Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(web.Output(), "Demo user: .*  password: ").Count);
            var signedIn = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = coordinator.Groups[1].Value, ["Password"] = coordinator.Groups[2].Value,
                ["__RequestVerificationToken"] = Web.FormPosts.AntiforgeryToken(signIn),
            }));
            Assert.Contains("class=\"case-code\"", await signedIn.Content.ReadAsStringAsync());
            Assert.False(home.Headers.Contains("Server"), "Kestrel names itself in a Server header");
            Assert.True(home.Headers.Contains("Content-Security-Policy"));
            Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
            Assert.Contains("$.person.fullName holds half of a UTF-16 surrogate pair", problem);
            foreach (var detail in new[] { "Exception", "   at ", ".cs", "User-Agent", "Host" })
                Assert.DoesNotContain(detail, problem, StringComparison.Ordinal);
            Assert.Contains("Hosting environment: Production", web.Output());
        }
        finally
        {
            web.Stop();
        }
    }

    private static async Task<HttpResponseMessage> WaitForAsync(HttpClient client, RunningWeb web)
    {
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (web.Process.HasExited) throw new Xunit.Sdk.XunitException($"the web host stopped:\n{web.Output()}");
            try
            {
                var response = await client.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK) return response;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new Xunit.Sdk.XunitException($"the web host did not answer within 3 minutes:\n{web.Output()}");
    }

    private static RunningWeb Start(string folder, int port)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "ReferralFlow.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--no-build", "--project", project, "--", "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
        // Whatever the test runner carries, the command is run as a user would type it.
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "REFERRALFLOW_DB", "REFERRALFLOW_DEMO",
                     "REFERRALFLOW_KEYS", "REFERRALFLOW_DATA", "REFERRALFLOW_WORKFLOWS", "REFERRALFLOW_SMTP" })
            start.Environment.Remove(name);
        start.Environment["REFERRALFLOW_WORKERS"] = "false";
        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningWeb(process, output);
    }

    private sealed record RunningWeb(Process Process, StringBuilder Log) : IDisposable
    {
        public string Output() { lock (Log) return Log.ToString(); }

        public void Stop()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }

        public void Dispose() => Process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReferralFlow.sln"))) return dir.FullName;
        throw new InvalidOperationException("The tests run outside the repository: no ReferralFlow.sln above " + AppContext.BaseDirectory);
    }
}
