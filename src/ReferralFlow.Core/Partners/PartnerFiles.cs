namespace ReferralFlow.Core.Partners;

/// <summary>Finds the shipped demo directory: ./partners (the repository, when run from its root) or the copy beside
/// the program (Core's project file copies it there for every host).</summary>
public static class PartnerFiles
{
    public const string DemoFileName = "demo-directory.yaml";

    public static string DemoDirectory()
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "partners", DemoFileName);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, "partners", DemoFileName);
    }
}
