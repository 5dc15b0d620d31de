using ReferralFlow.Core.Access;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;
using ReferralFlow.Web.Hosting;

namespace ReferralFlow.Web.Demo;

/// <summary>
/// Staff to sign in as on the demo: a caseworker and a coordinator in the sending and in the receiving organisation of
/// the demo referrals (<see cref="DemoPartners.GermanyToRomania"/>), and an administrator in the sending one. Made on the
/// first run with demo data only, each with a generated password printed once on the console — never a fixed one, as a
/// demo reachable on a network must not have known passwords, and never through the logger, so that no log sink
/// receives a password. Later starts say the users exist and how to give one a new password.
/// </summary>
public sealed class DemoUsers(IServiceProvider services, ILogger<DemoUsers> logger)
{
    public const string Domain = "demo.example.org";

    private static readonly Actor AuditedAs = DemoReferrals.Acting;

    /// <summary>Where the password lines go: the console, which an operator reads and a log shipper does not.</summary>
    public TextWriter Console { get; init; } = System.Console.Out;

    public static IReadOnlyList<(string Organisation, string Role)> Accounts { get; } =
    [
        (DemoPartners.GermanyToRomania.Sending, StaffRoles.Caseworker),
        (DemoPartners.GermanyToRomania.Sending, StaffRoles.Coordinator),
        (DemoPartners.GermanyToRomania.Sending, StaffRoles.Administrator),
        (DemoPartners.GermanyToRomania.Receiving, StaffRoles.Caseworker),
        (DemoPartners.GermanyToRomania.Receiving, StaffRoles.Coordinator),
    ];

    public static string EmailOf(string organisation, string role) => $"{role}@{organisation}.{Domain}";

    public static bool IsDemo(string email) => email.EndsWith("." + Domain, StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates the demo users when <paramref name="firstRun"/> (the demo referrals were just made) and the
    /// database has no user yet; returns how many it created.</summary>
    public async Task<int> CreateOrAnnounceAsync(bool firstRun, CancellationToken ct)
    {
        var existing = await StaffUserList.ListAsync(services, ct);
        if (existing.Any(u => IsDemo(u.Email)))
        {
            Console.WriteLine($"Demo users exist already ({string.Join(", ", existing.Where(u => IsDemo(u.Email)).Select(u => u.Email))}); " +
                "their passwords were shown on the first run and are not stored: give one a new password with " +
                "'referralflow users reset-password EMAIL'.");
            return 0;
        }
        // A database that already has users, or referrals of its own, is not the demo's to add accounts to.
        if (!firstRun || existing.Count > 0) return 0;
        var created = 0;
        foreach (var (organisation, role) in Accounts)
        {
            try
            {
                var added = await StaffUserAdding.AddAsync(services, new NewStaffUser(
                    EmailOf(organisation, role), $"Demo {role}", organisation, [role]), AuditedAs, ct);
                Console.WriteLine($"Demo user: {added.User.Email}  role: {role}  organisation: {added.User.OrganisationName}  " +
                    $"password: {added.GeneratedPassword}");
                created++;
            }
            catch (Core.ReferralFlowException e)
            {
                // The demo directory was edited: keep the other users rather than the start-up.
                logger.LogWarning("A demo user of {Organisation} could not be made: {Reason}", organisation, e.Message);
            }
        }
        if (created > 0) logger.LogInformation("Created {Count} demo users; their passwords are on the console", created);
        return created;
    }
}
