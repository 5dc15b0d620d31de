using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Core.Access;

/// <summary>A new user: <paramref name="Organisation"/> is a directory key (<c>de-koofra</c>) or an organisation id;
/// without <paramref name="Password"/> one is generated.</summary>
public sealed record NewStaffUser(string Email, string FullName, string Organisation, IReadOnlyList<string> Roles, string? Password = null);

/// <summary>The user made, and the generated password when none was given: shown once, stored only as a hash.</summary>
public sealed record AddedStaffUser(StaffUserSummary User, string? GeneratedPassword);

/// <summary><c>users add</c>: a user of one directory organisation with one or more roles, made through Identity's
/// UserManager (normalised e-mail, hashed password, the password rules of <see cref="StaffIdentity"/>), audited in the
/// same transaction. A deployment's first administrator is made this way.</summary>
public static class StaffUserAdding
{
    public const string Added = "user.added";

    public static async Task<AddedStaffUser> AddAsync(IServiceProvider services, NewStaffUser input, Actor actor, CancellationToken ct)
    {
        var roles = StaffRoleNames.Check(input.Roles);
        var fullName = input.FullName.Trim();
        if (fullName.Length == 0) throw new ReferralFlowException("Name: give the user's full name, as colleagues know them.");
        var generated = input.Password is null ? StaffPasswords.Generate() : null;
        return await StaffChange.RunAsync(services, async staff =>
        {
            var organisation = await OrganisationAsync(staff, input.Organisation, ct);
            var email = input.Email.Trim();
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(staff.Now), UserName = email, Email = email, FullName = fullName,
                OrganisationId = organisation.Id, CreatedAt = staff.Now,
            };
            staff.Audit(actor, Added, user, $"organisation {organisation.Key}; roles {string.Join(", ", roles)}");
            StaffErrors.ThrowIfFailed(await staff.Users.CreateAsync(user, input.Password ?? generated!));
            await staff.EnsureRolesAsync(roles);
            StaffErrors.ThrowIfFailed(await staff.Users.AddToRolesAsync(user, roles));
            return new AddedStaffUser(await StaffUserList.OneAsync(staff.Db, staff.Now, user.Id, ct), generated);
        }, ct);
    }

    private static async Task<Organisation> OrganisationAsync(StaffScope staff, string reference, CancellationToken ct)
    {
        var text = reference.Trim();
        var found = Guid.TryParse(text, out var id)
            ? await staff.Db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct)
            : await staff.Db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Key == text, ct);
        return found ?? throw new ReferralFlowException(
            "Organisation: no organisation in the partner directory has this key or id; list them with 'referralflow partners list'.");
    }
}
