using ReferralFlow.Web.Api;
using ReferralFlow.Web.Hosting;
using ReferralFlow.Web.Pages.Referrals;
using ReferralFlow.Web.Pages.Reply;
using ReferralFlow.Web.SignIn;

// Settings, pages and styles live beside the program; ./data and ./workflows are resolved from the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();

builder.Services.AddReferralFlowHostingDefences();
builder.Services.AddReferralFlow();
builder.Services.AddReferralFlowWorkers();
builder.Services.AddStaffSignIn();
builder.Services.AddRazorPages();
builder.Services.AddReplyPages();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

app.UseReferralFlowHostingDefences();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRateLimiter();
app.UseStaffSignIn();

app.MapRazorPages();
app.MapReferralFlowApi();
app.MapCorridorApi();
app.MapCaseCodeLinks();
app.MapHealthChecks("/health").AllowAnonymous();

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
