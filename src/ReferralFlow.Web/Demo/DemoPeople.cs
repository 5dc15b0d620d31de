using System.Globalization;
using ReferralFlow.Core.Intake;

namespace ReferralFlow.Web.Demo;

/// <summary>The demo's persons: invented, with "Exemplu" (Romanian for "example") in every name and example-only
/// numbers and contacts, so nobody mistakes them for a real case. They are stored encrypted like any person.</summary>
internal static class DemoPeople
{
    public static PersonInput Adult(string fullName, string birthDate, params string[] languages) => new()
    {
        FullName = fullName,
        BirthDate = birthDate,
        Nationality = "RO",
        Languages = languages.Length == 0 ? ["ro"] : languages,
        DocumentNumber = "EX000" + birthDate[..4],
        Contact = "+40 700 000 000 (example)",
    };

    /// <summary>A child: born <paramref name="age"/> years before the demo starts, so the child stays a child
    /// whenever the demo is first run.</summary>
    public static PersonInput Child(string fullName, DateTimeOffset now, int age) => new()
    {
        FullName = fullName,
        BirthDate = now.AddYears(-age).AddDays(-40).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Nationality = "RO",
        Languages = ["ro"],
    };
}
