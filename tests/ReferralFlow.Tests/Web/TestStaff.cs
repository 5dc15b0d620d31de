using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralFlow.Core.Access;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Tests.Web;

/// <summary>A staff member made for a test: a user of a directory organisation with roles, and a personal access token
/// that signs its HTTP clients in.</summary>
public sealed record TestMember(Guid UserId, string Email, string Password, Guid OrganisationId, string OrganisationKey, string Token,
    string? AuthenticatorKey = null)
{
    public HttpClient Client(WebApp app, bool followRedirects = true) =>
        app.ClientWith(Token, new() { AllowAutoRedirect = followRedirects });
}

/// <summary>Makes organisations and users in a test host's database, through Identity as the product does.</summary>
public static class TestStaff
{
    public const string Password = "correct horse battery staple";
    public const string OwnOrganisation = "test-sending-ngo";

    public static async Task<Organisation> OrganisationAsync(WebApp app, string key, string country = "DE", string kind = "ngo")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReferralFlowDb>();
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Key == key) is { } existing) return existing;
        var organisation = new Organisation { Id = Guid.NewGuid(), Key = key, Name = $"Test {key}", Kind = kind, Country = country };
        db.Organisations.Add(organisation);
        db.Contacts.Add(new Contact
        {
            Id = Guid.NewGuid(), OrganisationId = organisation.Id, Key = $"{key}-desk", Name = "Referral desk",
            Email = $"desk@{key}.example.org", Language = "en", AuthorisedToAccept = true,
            // The desk also takes the sending side's escalations and alerts of the referrals the organisation sends.
            StaffRoles = [Recipients.Coordinator, Recipients.FocalPoint],
        });
        await db.SaveChangesAsync();
        return organisation;
    }

    public static async Task<TestMember> MemberAsync(WebApp app, string role = StaffRoles.Caseworker,
        string organisationKey = OwnOrganisation, string? email = null, bool twoFactor = false)
    {
        var organisation = await OrganisationAsync(app, organisationKey);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var name in StaffRoles.All)
            if (!await roles.RoleExistsAsync(name)) Check(await roles.CreateAsync(new IdentityRole<Guid>(name)));
        var address = email ?? $"{role}.{Guid.NewGuid():N}@{organisationKey}.example.org";
        var user = new StaffUser
        {
            Id = Guid.NewGuid(), UserName = address, Email = address, FullName = $"Test {role}",
            OrganisationId = organisation.Id, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        string? authenticatorKey = null;
        if (twoFactor)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            authenticatorKey = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        var db = scope.ServiceProvider.GetRequiredService<ReferralFlowDb>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var (_, token) = await PersonalAccessTokens.CreateAsync(db, user.Id, "tests", 30, clock.GetUtcNow(),
            Actor.Operator("tests"), CancellationToken.None);
        return new TestMember(user.Id, address, Password, organisation.Id, organisationKey, token, authenticatorKey);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
