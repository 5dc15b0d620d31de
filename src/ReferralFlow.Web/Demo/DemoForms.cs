using System.Globalization;
using System.Text.Json.Nodes;
using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Web.Demo;

/// <summary>
/// The form a demo move submits: a task with a form completes only with a valid submission, the demo's as much as
/// anyone's. The facts the scenario gives for variables fill the fields that feed them (and leave the step's data);
/// every other required field gets a plain value of its kind.
/// </summary>
internal static class DemoForms
{
    public const string Note = "Recorded for the demonstration.";

    public static (JsonObject Submission, Dictionary<string, JsonNode?> Data) Fill(
        FormDefinition form, IReadOnlyDictionary<string, JsonNode?> data, DateTimeOffset now)
    {
        var rest = new Dictionary<string, JsonNode?>(data);
        var submission = new JsonObject();
        foreach (var field in form.Fields)
        {
            if (field.Variable is { } variable && rest.Remove(variable, out var given))
                submission[field.Name] = given?.DeepClone();
            else if (field.Required)
                submission[field.Name] = Plain(field, now);
        }
        return (submission, rest);
    }

    private static JsonNode? Plain(FormField field, DateTimeOffset now) => field.Type switch
    {
        FieldType.Number => JsonValue.Create(field.Min ?? field.Max ?? 1m),
        FieldType.Boolean => JsonValue.Create(true),
        FieldType.Date => JsonValue.Create(DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        FieldType.Choice or FieldType.Level => JsonValue.Create(field.Options[0]),
        FieldType.Multichoice => new JsonArray(JsonValue.Create(field.Options[0])),
        _ => JsonValue.Create(Note),
    };
}
