namespace ReferralFlow.Core.Mail;

/// <summary>Where and how to hand messages to a mail server:
/// <c>smtp://[user:password@]host:port[?tls=starttls|none]</c>. <see cref="ToString"/> never shows the password.</summary>
public sealed record SmtpSettings(string Host, int Port, bool StartTls, string? User, string? Password)
{
    public const string EnvironmentVariable = "REFERRALFLOW_SMTP";
    public const int DefaultPort = 587;

    public static SmtpSettings Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        // Every message names the setting and the expected shape, and shows the URL only with its password masked.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !uri.Scheme.Equals("smtp", StringComparison.OrdinalIgnoreCase))
            throw Problem(text, "it must start with smtp://");
        if (uri.Host.Length == 0) throw Problem(text, "it names no host");
        if (uri.AbsolutePath is not ("" or "/")) throw Problem(text, "it must not have a path after the port");

        var tls = true;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            if (!key.Equals("tls", StringComparison.OrdinalIgnoreCase))
                throw Problem(text, $"'{Uri.UnescapeDataString(key)}' is not a known option; the only option is tls=starttls|none");
            tls = value.ToLowerInvariant() switch
            {
                "starttls" => true,
                "none" => false,
                _ => throw Problem(text, $"tls must be starttls or none, not '{Uri.UnescapeDataString(value)}'"),
            };
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : null;
            if (user.Length == 0) throw Problem(text, "it has a password but no user name");
        }
        return new SmtpSettings(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port, tls, user, password);
    }

    /// <summary>The <c>Smtp</c> configuration section's keys (Host, Port, Tls, User, Password), for hosts that prefer
    /// them to the URL. Returns null when no host is set.</summary>
    public static SmtpSettings? FromSection(Func<string, string?> read)
    {
        if (read("Smtp:Host") is not { Length: > 0 } host) return null;
        var port = DefaultPort;
        if (read("Smtp:Port") is { Length: > 0 } portText && (!int.TryParse(portText, out port) || port is < 1 or > 65535))
            throw new ReferralFlowException($"Smtp:Port must be a port number (1-65535), not '{portText}'.");
        var tls = (read("Smtp:Tls") ?? "starttls").ToLowerInvariant() switch
        {
            "" or "starttls" => true,
            "none" => false,
            var other => throw new ReferralFlowException($"Smtp:Tls must be starttls or none, not '{other}'."),
        };
        var user = read("Smtp:User") is { Length: > 0 } u ? u : null;
        var password = read("Smtp:Password") is { Length: > 0 } p ? p : null;
        if (password is not null && user is null)
            throw new ReferralFlowException("Smtp:Password is set but Smtp:User is not; set both or neither.");
        return new SmtpSettings(host, port, tls, user, password);
    }

    /// <summary>The URL with the password masked, for logs and start-up banners.</summary>
    public override string ToString() =>
        $"smtp://{(User is null ? "" : Uri.EscapeDataString(User) + (Password is null ? "" : ":***") + "@")}{Host}:{Port}?tls={(StartTls ? "starttls" : "none")}";

    private static ReferralFlowException Problem(string url, string reason) =>
        new($"{EnvironmentVariable} is not a valid SMTP URL ({Masked(url)}): {reason}. " +
            "Expected smtp://[user:password@]host:port[?tls=starttls|none].");

    /// <summary>Hides whatever sits between the first ':' after the scheme and the '@', so a mistyped URL's
    /// password does not end up in an error message or a log.</summary>
    internal static string Masked(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var at = url.LastIndexOf('@');
        if (at < start) return url;
        var colon = url.IndexOf(':', start);
        return colon < 0 || colon > at ? url : url[..(colon + 1)] + "***" + url[at..];
    }
}
