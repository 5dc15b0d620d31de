using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ReferralFlow.Core.Access;

/// <summary>
/// Identity's refusals as sentences that name the field and what is wrong. Identity's own descriptions quote the value
/// ("Username 'x' is already taken"), so they are not passed on: the value may be personal data, and a password must
/// never reach a terminal, a log or a screen other than the one it was typed on.
/// </summary>
internal static class StaffErrors
{
    public static void ThrowIfFailed(IdentityResult result)
    {
        if (result.Succeeded) return;
        // Identity turns a concurrency conflict into an error; the change is run again on a fresh scope.
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            throw new DbUpdateConcurrencyException("A user was changed by someone else at the same moment.");
        throw new ReferralFlowException(string.Join(" ", result.Errors.Select(Sentence).Distinct()));
    }

    public static string Sentence(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            "E-mail: another user has this e-mail address already; list them with 'referralflow users list'.",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            "E-mail: not a valid e-mail address; write it as name@organisation.org.",
        nameof(IdentityErrorDescriber.PasswordTooShort) =>
            $"Password: too short; use at least {StaffIdentity.MinimumPasswordLength} characters (a few unrelated words make a strong one).",
        "CommonPassword" => "Password: " + error.Description,
        nameof(IdentityErrorDescriber.PasswordMismatch) => "Password: it does not match.",
        nameof(IdentityErrorDescriber.UserAlreadyInRole) => "Roles: the user has this role already.",
        nameof(IdentityErrorDescriber.UserNotInRole) => "Roles: the user does not have this role.",
        nameof(IdentityErrorDescriber.UserLockoutNotEnabled) => "Lockout: lockout is not enabled for this user.",
        _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => $"Password: refused ({error.Code}).",
        _ => $"User: refused ({error.Code}).",
    };
}
