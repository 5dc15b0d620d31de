using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Partners;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Partners;

/// <summary>Directory files for the tests: the shipped demo, and a small one whose alternatives and contacts are
/// chosen to tell the address book's rules apart.</summary>
internal static class Directories
{
    public static string DemoPath => Path.Combine(AppContext.BaseDirectory, "partners", PartnerFiles.DemoFileName);

    public static async Task<DirectoryImportResult> ImportAsync(TestDatabase database, string text,
        DirectoryFormat format = DirectoryFormat.Yaml, string name = "test.yaml")
    {
        await using var db = database.Open();
        return await DirectoryImport.ImportAsync(db, text, format, name);
    }

    public static async Task<DirectoryImportResult> ImportDemoAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var result = await DirectoryImport.ImportFileAsync(db, DemoPath);
        Assert.True(result.Applied, string.Join("\n", result.Problems));
        return result;
    }

    public static async Task<string> ExportAsync(TestDatabase database, DirectoryFormat format = DirectoryFormat.Yaml)
    {
        await using var db = database.Open();
        return await DirectoryExport.WriteAsync(db, format);
    }

    /// <summary>Row counts and the full export: equal before and after means nothing changed.</summary>
    public static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return $"organisations {await db.Organisations.CountAsync()}, contacts {await db.Contacts.CountAsync()}, " +
            $"agreements {await db.Agreements.CountAsync()}\n{await DirectoryExport.WriteAsync(db, DirectoryFormat.Yaml)}";
    }

    /// <summary>
    /// Romanian NGOs around "ro-shelter-a" (whose first contact is NOT authorised): E and B share its services,
    /// C shares none, D is inactive; a Serbian NGO and a Romanian IOM office differ in country or kind. Two more
    /// organisations each lack something: an authorised contact, an authorised backup.
    /// </summary>
    public const string Small = """
        organisations:
          - id: ro-shelter-a
            name: Shelter A
            kind: ngo
            country: RO
            services: [shelter, reintegration]
            lastVerifiedOn: 2026-05-01
            contacts:
              - { id: a-press, name: Press Officer A, email: press@a.example.org, language: en, authorised: false, backup: a-intake }
              - { id: a-intake, name: Intake A, email: intake@a.example.org, language: ro, authorised: true, backup: a-deputy }
              - { id: a-deputy, name: Deputy A, email: deputy@a.example.org, language: en, authorised: true, backup: a-intake }
          - id: ro-shelter-b
            name: Shelter B
            kind: ngo
            country: RO
            services: [shelter]
            lastVerifiedOn: 2026-06-01
            contacts:
              - { id: b-intake, name: Intake B, email: intake@b.example.org, language: ro, authorised: true }
          - id: ro-legal-c
            name: Legal C
            kind: ngo
            country: RO
            services: [legal]
            contacts:
              - { id: c-intake, name: Intake C, email: intake@c.example.org, language: ro, authorised: true }
          - id: ro-shelter-d
            name: Shelter D (closed)
            kind: ngo
            country: RO
            services: [shelter, reintegration]
            active: false
            contacts:
              - { id: d-intake, name: Intake D, email: intake@d.example.org, language: ro, authorised: true }
          - id: ro-shelter-e
            name: Shelter E
            kind: ngo
            country: RO
            services: [reintegration, shelter, medical]
            lastVerifiedOn: 2026-09-01
            contacts:
              - { id: e-intake, name: Intake E, email: intake@e.example.org, language: ro, authorised: true }
          - id: rs-shelter
            name: Shelter in Serbia
            kind: ngo
            country: RS
            services: [shelter, reintegration]
            contacts:
              - { id: rs-intake, name: Intake RS, email: intake@rs.example.org, language: sr, authorised: true }
          - id: ro-iom
            name: IOM Romania
            kind: iom
            country: RO
            services: [shelter, reintegration]
            contacts:
              - { id: iom-intake, name: Intake IOM, email: intake@iom.example.org, language: ro, authorised: true }
          - id: ro-documents-f
            name: Documents F (nobody authorised)
            kind: ngo
            country: RO
            services: [documents]
            contacts:
              - { id: f-clerk, name: Clerk F, email: clerk@f.example.org, language: ro, authorised: false }
          - id: ro-escort-g
            name: Escort G (backup not authorised)
            kind: ngo
            country: RO
            services: [escort]
            contacts:
              - { id: g-lead, name: Lead G, email: lead@g.example.org, language: ro, authorised: true, backup: g-trainee }
              - { id: g-trainee, name: Trainee G, email: trainee@g.example.org, language: ro, authorised: false }
        """;

    public static async Task<Organisation> OrganisationAsync(TestDatabase database, string key)
    {
        await using var db = database.Open();
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Key == key);
    }
}
