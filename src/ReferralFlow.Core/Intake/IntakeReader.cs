using System.Text.Json;
using System.Text.Json.Nodes;
using ReferralFlow.Core.Partners;

namespace ReferralFlow.Core.Intake;

/// <summary>
/// Reads the intake JSON into a <see cref="ReferralIntake"/>, noting every unknown field and every value of the wrong
/// JSON type instead of stopping at the first (the validator then checks the content). A field of the wrong type is
/// read as absent, and the validator's own remark on that path is dropped (<see cref="IntakeValidator.Check"/>).
/// </summary>
public static class IntakeReader
{
    private static readonly string[] TopFields = ["person", "sendingOrganisation", "receivingOrganisation", "corridor", "variables"];
    private static readonly string[] PersonFields =
        ["fullName", "aliases", "birthDate", "nationality", "languages", "documentNumber", "contact", "healthNotes"];
    private static readonly string[] CorridorFields = ["origin", "transit", "destination"];

    /// <summary>Reads a whole file or request body; JSON that does not parse is refused at once, with its line.</summary>
    public static ReferralIntake Parse(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ReferralFlowException($"{source} is not valid JSON (line {(e.LineNumber ?? 0) + 1}): fix the syntax.");
        }
        if (Engine.Execution.StorableText.FindInJson(json) is { } bad)
            throw new ReferralFlowException($"{source}: the text at {bad.Path} {bad.Problem}: it cannot be stored, fix it.");
        return root is JsonObject obj ? Read(obj)
            : throw new ReferralFlowException($"{source} must be a JSON object with \"person\", \"sendingOrganisation\", " +
                "\"receivingOrganisation\", \"corridor\" and \"variables\" (each optional).");
    }

    public static ReferralIntake Read(JsonObject root)
    {
        var problems = new List<IntakeProblem>();
        Unknown(root, "$", TopFields, problems, hint: " (procedure variables go under \"variables\")");
        return new ReferralIntake
        {
            Person = Object(root, "person", "$", problems) is { } person ? ReadPerson(person, "$.person", problems) : null,
            SendingOrganisation = Text(root, "sendingOrganisation", "$", problems),
            ReceivingOrganisation = Text(root, "receivingOrganisation", "$", problems),
            Corridor = Object(root, "corridor", "$", problems) is { } corridor ? ReadCorridor(corridor, problems) : null,
            Variables = Object(root, "variables", "$", problems)?.ToDictionary(p => p.Key, p => p.Value?.DeepClone())
                ?? new Dictionary<string, JsonNode?>(),
            ShapeProblems = problems,
        };
    }

    /// <summary>The person alone (<c>referrals person-update --input</c>): the same fields as intake's "person".</summary>
    public static (PersonInput Person, IReadOnlyList<IntakeProblem> Problems) ReadPerson(JsonObject person)
    {
        var problems = new List<IntakeProblem>();
        return (ReadPerson(person, "$", problems), problems);
    }

    public static string VariablePath(string name) => $"$.variables['{name}']";

    private static PersonInput ReadPerson(JsonObject person, string path, List<IntakeProblem> problems)
    {
        Unknown(person, path, PersonFields, problems);
        return new PersonInput
        {
            FullName = Text(person, "fullName", path, problems),
            Aliases = Texts(person, "aliases", path, problems),
            BirthDate = Text(person, "birthDate", path, problems),
            Nationality = Text(person, "nationality", path, problems),
            Languages = Texts(person, "languages", path, problems),
            DocumentNumber = Text(person, "documentNumber", path, problems),
            Contact = Text(person, "contact", path, problems),
            HealthNotes = Text(person, "healthNotes", path, problems),
        };
    }

    private static CorridorInput ReadCorridor(JsonObject corridor, List<IntakeProblem> problems)
    {
        const string path = "$.corridor";
        Unknown(corridor, path, CorridorFields, problems);
        return new CorridorInput
        {
            Origin = Text(corridor, "origin", path, problems),
            Transit = Texts(corridor, "transit", path, problems),
            Destination = Text(corridor, "destination", path, problems),
        };
    }

    private static void Unknown(JsonObject obj, string path, string[] known, List<IntakeProblem> problems, string hint = "")
    {
        foreach (var (name, _) in obj)
            if (!known.Contains(name, StringComparer.Ordinal))
                problems.Add(new($"{path}.{name}", $"unknown field '{name}'" +
                    (Suggestions.Closest(name, known) is { } close ? $"; did you mean '{close}'?" : $"; the fields are {string.Join(", ", known)}{hint}")));
    }

    private static JsonObject? Object(JsonObject parent, string name, string path, List<IntakeProblem> problems)
    {
        var node = parent[name];
        if (node is null or JsonObject) return node as JsonObject;
        problems.Add(new($"{path}.{name}", $"must be an object {{ ... }}, not {Kind(node)}"));
        return null;
    }

    private static string? Text(JsonObject parent, string name, string path, List<IntakeProblem> problems)
    {
        var node = parent[name];
        if (node is null) return null;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String) return value.GetValue<string>();
        problems.Add(new($"{path}.{name}", $"must be a string in quotes, not {Kind(node)}"));
        return null;
    }

    private static IReadOnlyList<string?> Texts(JsonObject parent, string name, string path, List<IntakeProblem> problems)
    {
        var node = parent[name];
        if (node is null) return [];
        if (node is not JsonArray array)
        {
            problems.Add(new($"{path}.{name}", $"must be a list of strings [\"...\"], not {Kind(node)}"));
            return [];
        }
        var items = new List<string?>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String) items.Add(value.GetValue<string>());
            else
            {
                problems.Add(new($"{path}.{name}[{i}]", $"must be a string in quotes, not {Kind(array[i])}"));
                items.Add(null);
            }
        }
        return items;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "a string",
        },
    };
}
