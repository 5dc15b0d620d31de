using System.Net.Mail;
using Microsoft.Data.Sqlite;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// Mail delivery settings, read under the same names by the web host (any configuration source) and the CLI
/// (environment). No SMTP host means the embedded default: messages are written as .eml files to a folder.
/// </summary>
public sealed record MailSettings
{
    public const string Smtp = SmtpSettings.EnvironmentVariable;
    public const string PickupFolder = "REFERRALFLOW_MAIL_DIR";
    public const string FromAddress = "REFERRALFLOW_MAIL_FROM";
    public const string MaxAttemptsSetting = "REFERRALFLOW_MAIL_MAX_ATTEMPTS";
    public const string PublicUrlSetting = "REFERRALFLOW_PUBLIC_URL";
    public const string Templates = "REFERRALFLOW_TEMPLATES";

    public const string DefaultFrom = "ReferralFlow <referralflow@localhost>";
    public const string DefaultPublicUrl = "http://localhost:5080";
    public const int DefaultMaxAttempts = 8;

    public SmtpSettings? Server { get; init; }
    public required string PickupDirectory { get; init; }
    public required MailAddress From { get; init; }
    public required Uri PublicUrl { get; init; }
    public required string TemplatesDirectory { get; init; }
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <param name="read">Looks a setting up by name (configuration indexer, or the environment).</param>
    /// <param name="connectionString">The database's: the pickup folder defaults to mail/ beside a SQLite file
    /// (./data/mail for the default database), so the messages stay with the data they belong to.</param>
    /// <param name="publicUrl">The host's own address, used when REFERRALFLOW_PUBLIC_URL is not set.</param>
    public static MailSettings Read(Func<string, string?> read, string connectionString, string? publicUrl = null) => new()
    {
        Server = read(Smtp) is { Length: > 0 } url ? SmtpSettings.Parse(url) : SmtpSettings.FromSection(read),
        PickupDirectory = read(PickupFolder) is { Length: > 0 } folder ? folder : DefaultPickupDirectory(connectionString),
        From = Address(read(FromAddress) is { Length: > 0 } from ? from : DefaultFrom),
        PublicUrl = Url(read(PublicUrlSetting) is { Length: > 0 } configured ? configured : publicUrl ?? DefaultPublicUrl),
        TemplatesDirectory = read(Templates) is { Length: > 0 } templates ? templates : TemplateFiles.DefaultDirectory(),
        MaxAttempts = read(MaxAttemptsSetting) is { Length: > 0 } attempts
            ? int.TryParse(attempts, out var n) && n is >= 1 and <= 100 ? n
                : throw new ReferralFlowException($"{MaxAttemptsSetting} must be a whole number from 1 to 100, not '{attempts}'.")
            : DefaultMaxAttempts,
    };

    /// <summary>The CLI's reading: environment variables, the section keys as <c>Smtp__Host</c> like .NET hosts.</summary>
    public static MailSettings FromEnvironment(string connectionString) =>
        Read(name => Environment.GetEnvironmentVariable(name.Replace(":", "__", StringComparison.Ordinal)), connectionString);

    public IEmailSender CreateSender() =>
        Server is { } server ? new SmtpEmailSender(server) : new PickupEmailSender(PickupDirectory);

    /// <summary>For a start-up line: where mail goes, password masked.</summary>
    public string Describe() => Server is { } server ? $"SMTP {server}" : $".eml files in {Path.GetFullPath(PickupDirectory)}";

    private static string DefaultPickupDirectory(string connectionString)
    {
        if (!DatabaseProvider.IsPostgresConnectionString(connectionString))
        {
            var source = new SqliteConnectionStringBuilder(DatabaseProvider.ToSqliteConnectionString(connectionString)).DataSource;
            if (source.Length > 0 && source != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } folder)
                return Path.Combine(folder, "mail");
        }
        return Path.Combine("data", "mail");
    }

    private static MailAddress Address(string text)
    {
        try { return new MailAddress(text); }
        catch (FormatException) { throw new ReferralFlowException($"{FromAddress} must be an e-mail address such as 'ReferralFlow <referrals@example.org>', not '{text}'."); }
    }

    /// <summary>With a trailing slash, so that links resolve below a base path (https://host/referralflow/).</summary>
    private static Uri Url(string text) =>
        Uri.TryCreate(text.TrimEnd('/') + "/", UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ReferralFlowException($"{PublicUrlSetting} must be an http(s) address such as https://referrals.example.org, not '{text}'.");
}
