using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Engine.Tests.Forms;

/// <summary>One test per problem a single form file can have (workflows/README.md, "Forms").</summary>
public sealed class FormProblemTests
{
    private const string File = "workflows/forms/check.json";

    private static string Form(string fields, string extra = "") =>
        $$"""{ "id": "check", "title": "Check" {{extra}}, "fields": [{{fields}}] }""";

    private const string Notes = """{ "name": "notes", "label": "Notes", "type": "multiline" }""";

    public static readonly TheoryData<string, string, string> Problems = new()
    {
        { "{ \"id\": ", "$", "not valid JSON at line 1" },
        { "[1, 2]", "$", "the form must be a JSON object" },
        { Form(Notes, ", \"titel\": \"x\""), "$.titel", "unknown field 'titel' on the form; did you mean 'title'?" },
        { """{ "title": "Check", "fields": [ { "name": "a", "label": "A", "type": "text" } ] }""", "$.id", "missing required field 'id'" },
        { """{ "id": "check", "fields": [ { "name": "a", "label": "A", "type": "text" } ] }""", "$.title", "missing required field 'title'" },
        { """{ "id": "check", "title": "Check" }""", "$.fields", "missing required field 'fields'" },
        { """{ "id": "other", "title": "Check", "fields": [ { "name": "a", "label": "A", "type": "text" } ] }""", "$.id",
            "form id 'other' differs from the file name 'check.json': rename the file or set \"id\": \"check\"" },
        { Form(""), "$.fields", "the form has no fields: add at least one" },
        { Form("\"notes\""), "$.fields[0]", "a form field must be a JSON object" },
        { Form("""{ "name": "a", "label": "A", "type": "text", "requird": true }"""), "$.fields[0].requird",
            "unknown field 'requird' on a form field; did you mean 'required'?" },
        { Form("""{ "label": "A", "type": "text" }"""), "$.fields[0].name", "missing required field 'name'" },
        { Form("""{ "name": "a", "type": "text" }"""), "$.fields[0].label", "missing required field 'label'" },
        { Form("""{ "name": "a", "label": "A" }"""), "$.fields[0].type", "missing required field 'type'" },
        { Form("""{ "name": "risk level", "label": "A", "type": "text" }"""), "$.fields[0].name", "'risk level' is not a valid field name" },
        { Form(Notes + ", " + Notes), "$.fields[1].name", "duplicate field name 'notes' (first used at $.fields[0])" },
        { Form("""{ "name": "a", "label": "A", "type": "multline" }"""), "$.fields[0].type",
            "unknown field type 'multline'; did you mean 'multiline'?" },
        { Form("""{ "name": "a", "label": "A", "type": "slider" }"""), "$.fields[0].type",
            "unknown field type 'slider': use one of text, multiline, number, boolean, date, choice, multichoice, level" },
        { Form("""{ "name": "a", "label": "A", "type": "choice" }"""), "$.fields[0].options", "missing required field 'options'" },
        { Form("""{ "name": "a", "label": "A", "type": "choice", "options": [] }"""), "$.fields[0].options", "'options' on a form field is empty" },
        { Form("""{ "name": "a", "label": "A", "type": "choice", "options": ["x", "y", "x"] }"""), "$.fields[0].options[2]",
            "option 'x' is listed twice" },
        { Form("""{ "name": "a", "label": "A", "type": "text", "options": ["x"] }"""), "$.fields[0].options",
            "only choice and multichoice fields have options, not a text field" },
        { Form("""{ "name": "a", "label": "A", "type": "level", "options": ["x"] }"""), "$.fields[0].options",
            "a level field always offers low, medium, high: remove \"options\"" },
        { Form("""{ "name": "a", "label": "A", "type": "text", "max": 3 }"""), "$.fields[0].max", "'max' applies only to number fields" },
        { Form("""{ "name": "a", "label": "A", "type": "number", "min": 5, "max": 3 }"""), "$.fields[0].min", "min 5 is above max 3" },
        { Form("""{ "name": "a", "label": "A", "type": "text", "required": "yes" }"""), "$.fields[0].required",
            "'required' on a form field must be true or false" },
        { Form("""{ "name": "a", "label": "A", "type": "level", "variable": "risk.level" }"""), "$.fields[0].variable",
            "field 'a' is personal, so it cannot feed variable 'risk.level'" },
        { Form("""{ "name": "a", "label": "A", "type": "level", "personal": false, "variable": "risk level" }"""), "$.fields[0].variable",
            "'risk level' is not a variable name" },
        { Form("""{ "name": "a", "label": "A", "type": "multichoice", "options": ["x"], "personal": false, "variable": "needs" }"""),
            "$.fields[0].variable", "a multichoice field holds a list, which no workflow variable can" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Reports_the_problem_with_its_path_and_fix(string json, string path, string message)
    {
        var result = FormLoader.Load(json, File);

        Assert.Null(result.Form);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((File, path), (problem.File, problem.JsonPath));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Reports_every_problem_of_a_file_at_once()
    {
        var result = FormLoader.Load(Form("""
            { "name": "a", "label": "A", "type": "slidr" },
            { "name": "b", "type": "choice" },
            { "name": "c", "label": "C", "type": "level", "variable": "risk.level" }
            """), File);

        Assert.Equal(["$.fields[0].type", "$.fields[1].label", "$.fields[1].options", "$.fields[2].variable"],
            result.Problems.Select(p => p.JsonPath));
    }

    [Fact]
    public void Loads_a_valid_form_with_defaults()
    {
        var result = FormLoader.Load(Form("""
            { "name": "overall", "label": "Overall", "type": "level", "required": true, "personal": false, "variable": "risk.level" },
            { "name": "weeks", "label": "Weeks", "type": "number", "min": 0, "max": 45, "help": "Empty if not pregnant" },
            { "name": "form", "label": "Form", "type": "choice", "options": ["written", "verbal"] }
            """), File);

        Assert.Empty(result.Problems);
        var form = result.Form!;
        Assert.Equal(["low", "medium", "high"], form.Field("overall")!.Options);
        Assert.False(form.Field("overall")!.Personal);
        Assert.True(form.Field("weeks")!.Personal);
        Assert.Equal((0m, 45m), (form.Field("weeks")!.Min, form.Field("weeks")!.Max));
        Assert.False(form.Field("form")!.Required);
    }
}
