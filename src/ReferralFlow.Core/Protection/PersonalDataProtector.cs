using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ReferralFlow.Core.Protection;

/// <summary>
/// Encrypts the person's data before it reaches the database (ASP.NET Core Data Protection: authenticated
/// encryption, keys rotated and kept in a folder). The web host and the CLI share the application name and the keys
/// folder, so either reads what the other wrote. Losing the keys folder loses the data: back it up with the database,
/// never beside it in the same place.
/// </summary>
public sealed class PersonalDataProtector
{
    /// <summary>Shared by every program that opens the keys folder (also staff sign-in tokens, <c>StaffIdentity.Services</c>).</summary>
    public const string ApplicationName = "ReferralFlow";
    private const string Purpose = "ReferralFlow.PersonalData.v1";

    private readonly IDataProtector protector;

    public PersonalDataProtector(IDataProtectionProvider provider) => protector = provider.CreateProtector(Purpose);

    /// <summary>A protector whose keys are in <paramref name="keysFolder"/> (created when missing).</summary>
    public static PersonalDataProtector ForKeys(string keysFolder)
    {
        var folder = Directory.CreateDirectory(keysFolder);
        return new PersonalDataProtector(DataProtectionProvider.Create(folder, options => options.SetApplicationName(ApplicationName)));
    }

    /// <summary>The protector of the configured data folder (<see cref="DataFolder.KeysPath"/>).</summary>
    public static PersonalDataProtector FromEnvironment() => ForKeys(DataFolder.KeysPath);

    public string Protect(string plaintext) => protector.Protect(plaintext);

    /// <summary>Throws <see cref="ReferralFlowException"/> — without any of the data — when the text was not written
    /// with these keys or was altered.</summary>
    public string Unprotect(string protectedText)
    {
        try
        {
            return protector.Unprotect(protectedText);
        }
        catch (CryptographicException)
        {
            throw new ReferralFlowException(
                $"Personal data cannot be decrypted with the keys in use; check {DataFolder.KeysVariable} / {DataFolder.Variable} point at the keys it was written with.");
        }
    }
}
