using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReferralFlow.Core.Partners;

/// <summary>Writes a directory as JSON with the same fields, order and omissions as the YAML writer.</summary>
internal static class JsonDirectoryWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // A file for people and tools, never embedded in HTML: keep names like "Weißer Ring" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DirectoryFile file)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (file.Network is { Count: > 0 } network)
            {
                json.WriteStartObject("network");
                foreach (var entry in network) json.WriteString(entry.Role, entry.Contact);
                json.WriteEndObject();
            }
            json.WriteStartArray("organisations");
            foreach (var o in file.Organisations)
            {
                json.WriteStartObject();
                json.WriteString("id", o.Id);
                json.WriteString("name", o.Name);
                json.WriteString("kind", o.Kind);
                json.WriteString("country", o.Country);
                List(json, "regions", o.Regions);
                List(json, "cities", o.Cities);
                List(json, "languages", o.Languages);
                List(json, "services", o.Services);
                json.WriteBoolean("active", o.Active);
                Optional(json, "lastVerifiedOn", Date(o.LastVerifiedOn));
                Objects(json, "contacts", o.Contacts, c =>
                {
                    json.WriteString("id", c.Id);
                    json.WriteString("name", c.Name);
                    Optional(json, "role", c.Role);
                    json.WriteString("email", c.Email);
                    json.WriteString("language", c.Language);
                    json.WriteBoolean("authorised", c.Authorised);
                    Optional(json, "backup", c.Backup);
                    List(json, "staffRoles", c.StaffRoles);
                });
                Objects(json, "agreements", o.Agreements, a =>
                {
                    json.WriteString("id", a.Id);
                    json.WriteString("kind", a.Kind);
                    json.WriteString("scope", a.Scope);
                    Optional(json, "reviewOn", Date(a.ReviewOn));
                });
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void List(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0) return;
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Objects<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items, Action<T> write)
    {
        if (items.Count == 0) return;
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
