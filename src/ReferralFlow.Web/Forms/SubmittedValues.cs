using System.Globalization;
using System.Text.Json.Nodes;
using ReferralFlow.Core;
using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Web.Forms;

/// <summary>Reads the values of a step's fields from a form post. Empty fields are left out; the engine
/// checks each value against its declared type and allowed values before anything is saved.</summary>
public static class SubmittedValues
{
    public static Dictionary<string, JsonNode?> Read(IFormCollection form, IReadOnlyList<VariableField> fields)
    {
        var values = new Dictionary<string, JsonNode?>();
        foreach (var field in fields)
        {
            var text = form[field.InputName].ToString().Trim();
            if (text.Length == 0) continue;
            values[field.Name] = field.Type switch
            {
                VariableType.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number)
                    : throw new ReferralFlowException($"{field.Label} must be a number."),
                VariableType.Boolean => JsonValue.Create(text == "true"),
                _ => JsonValue.Create(text),
            };
        }
        return values;
    }
}
