namespace ReferralFlow.Core.Mail;

/// <summary>Finds the message templates as <see cref="Definitions.WorkflowFiles"/> finds the procedures:
/// REFERRALFLOW_TEMPLATES, ./templates, or the copy shipped beside the program.</summary>
public static class TemplateFiles
{
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable(MailSettings.Templates) is { Length: > 0 } configured) return configured;
        var local = Path.Combine(Directory.GetCurrentDirectory(), "templates");
        return File.Exists(Path.Combine(local, "layout.html")) ? local : Path.Combine(AppContext.BaseDirectory, "templates");
    }
}
