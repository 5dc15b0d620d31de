using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReferralFlow.Core.Partners;

/// <summary>Writes a directory as YAML by hand rather than through a serializer, for a stable, readable layout:
/// short lists inline, text quoted only where YAML could misread it. Fields without a value are left out.</summary>
internal static partial class YamlDirectoryWriter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(DirectoryFile file)
    {
        var yaml = new StringBuilder();
        yaml.Append("# ReferralFlow partner directory: import with 'referralflow partners import FILE'.\n");
        if (file.Network is { Count: > 0 } network)
        {
            yaml.Append("network:\n");
            foreach (var entry in network) Field(yaml, "  ", entry.Role, entry.Contact);
        }
        if (file.Organisations.Count == 0) return yaml.Append("organisations: []\n").ToString();
        yaml.Append("organisations:\n");
        foreach (var o in file.Organisations)
        {
            Field(yaml, "  - ", "id", o.Id);
            Field(yaml, "    ", "name", o.Name);
            Field(yaml, "    ", "kind", o.Kind);
            Field(yaml, "    ", "country", o.Country);
            List(yaml, "    ", "regions", o.Regions);
            List(yaml, "    ", "cities", o.Cities);
            List(yaml, "    ", "languages", o.Languages);
            List(yaml, "    ", "services", o.Services);
            yaml.Append($"    active: {Flag(o.Active)}\n");
            Field(yaml, "    ", "lastVerifiedOn", Date(o.LastVerifiedOn));
            if (o.Contacts.Count > 0) yaml.Append("    contacts:\n");
            foreach (var c in o.Contacts)
            {
                Field(yaml, "      - ", "id", c.Id);
                Field(yaml, "        ", "name", c.Name);
                Field(yaml, "        ", "role", c.Role);
                Field(yaml, "        ", "email", c.Email);
                Field(yaml, "        ", "language", c.Language);
                yaml.Append($"        authorised: {Flag(c.Authorised)}\n");
                Field(yaml, "        ", "backup", c.Backup);
                List(yaml, "        ", "staffRoles", c.StaffRoles);
            }
            if (o.Agreements.Count > 0) yaml.Append("    agreements:\n");
            foreach (var a in o.Agreements)
            {
                Field(yaml, "      - ", "id", a.Id);
                Field(yaml, "        ", "kind", a.Kind);
                Field(yaml, "        ", "scope", a.Scope);
                Field(yaml, "        ", "reviewOn", Date(a.ReviewOn));
            }
        }
        return yaml.ToString();
    }

    private static void Field(StringBuilder yaml, string indent, string name, string? value)
    {
        if (value is not null) yaml.Append($"{indent}{name}: {Scalar(value)}\n");
    }

    private static void List(StringBuilder yaml, string indent, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0) yaml.Append($"{indent}{name}: [{string.Join(", ", values.Select(Scalar))}]\n");
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Plain when YAML reads it back as the same text, else double-quoted (JSON escapes are valid YAML).</summary>
    private static string Scalar(string value) =>
        PlainSafe().IsMatch(value) && !Reserved().IsMatch(value) ? value : JsonSerializer.Serialize(value, Quoting);

    // Letters or digits first; no ':', '#', ',', brackets or quotes that would change the meaning; no trailing space.
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._@+/()&'-]*(?<! )$")]
    private static partial Regex PlainSafe();

    // Words YAML resolves to null, booleans or numbers.
    [GeneratedRegex(@"^(?i:null|true|false|yes|no|on|off|y|n)$|^[-+]?[0-9][0-9_.]*$")]
    private static partial Regex Reserved();
}
