using System.Text.Json.Nodes;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Tests.Definitions;

namespace ReferralFlow.Engine.Tests.Forms;

/// <summary>What forms and procedures check together when a folder loads: the forms tasks name, and the variables
/// form fields feed.</summary>
public sealed class FormCatalogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("referralflow-forms-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The minimal procedure with its intake task showing form "assessment" and setting risk.level.</summary>
    private string Procedure(Action<JsonObject>? change = null)
    {
        var doc = Wf.Minimal();
        var intake = doc.Steps()[0]!.AsObject();
        intake["form"] = "assessment";
        intake["sets"] = new JsonArray("risk.level");
        change?.Invoke(doc);
        return Write("sample.json", doc.ToJsonString());
    }

    private string Assessment(string field) =>
        Write(Path.Combine("forms", "assessment.json"), $$"""{ "id": "assessment", "title": "Assessment", "fields": [{{field}}] }""");

    private const string Overall = """{ "name": "overall", "label": "Overall", "type": "choice", "options": ["low", "high"], "personal": false, "variable": "risk.level" }""";

    private DefinitionProblem Single()
    {
        var load = DefinitionCatalog.LoadDirectory(_dir);
        Assert.True(load.Problems.Count == 1, string.Join("\n", load.Problems));
        return load.Problems[0];
    }

    [Fact]
    public void A_valid_form_feeding_a_declared_variable_loads()
    {
        Procedure();
        Assessment(Overall);

        Assert.Empty(DefinitionCatalog.LoadDirectory(_dir).Problems);
    }

    [Fact]
    public void A_task_naming_a_missing_form_is_an_error_with_a_suggestion()
    {
        var file = Procedure(doc => doc.Steps()[0]!["form"] = "assesment");
        Assessment(Overall);

        var problem = Single();
        Assert.Equal((file, "intake", "$.steps[0].form"), (problem.File, problem.StepId, problem.JsonPath));
        Assert.Contains("form 'assesment' does not exist: add", problem.Message);
        Assert.EndsWith("did you mean 'assessment'?", problem.Message);
    }

    [Fact]
    public void A_task_whose_form_is_broken_points_at_the_forms_own_problems()
    {
        Procedure();
        var form = Assessment("""{ "name": "overall", "label": "Overall", "type": "levl" }""");

        var load = DefinitionCatalog.LoadDirectory(_dir);

        Assert.Equal([form, Path.Combine(_dir, "sample.json")], load.Problems.Select(p => p.File));
        Assert.Contains("form 'assessment' did not load because of its own problems", load.Problems[1].Message);
    }

    [Fact]
    public void A_field_feeding_an_undeclared_variable_is_an_error()
    {
        Procedure();
        var form = Assessment(Overall.Replace("\"risk.level\"", "\"risk.levle\""));

        var load = DefinitionCatalog.LoadDirectory(_dir);

        // The step cannot list it in 'sets' either (an undeclared variable there is the procedure's own error).
        Assert.Equal(2, load.Problems.Count);
        Assert.Contains(load.Problems, p => p.JsonPath == "$.steps[0].sets" && p.Message.Contains("'risk.levle'"));
        var problem = Assert.Single(load.Problems, p => p.File == form);
        Assert.Equal("$.fields[0].variable", problem.JsonPath);
        Assert.Contains("variable 'risk.levle' is not declared in workflow 'sample'", problem.Message);
        Assert.EndsWith("did you mean 'risk.level'?", problem.Message);
    }

    [Fact]
    public void A_field_whose_type_does_not_fit_the_variable_is_an_error()
    {
        Procedure(doc => doc.Steps()[0]!["sets"] = new JsonArray("reports"));
        var form = Assessment("""{ "name": "reports", "label": "Reports", "type": "text", "personal": false, "variable": "reports" }""");

        var problem = Single();
        Assert.Equal((form, "$.fields[0].variable"), (problem.File, problem.JsonPath));
        Assert.Contains("field 'reports' is a text field, but variable 'reports' of workflow 'sample' is a number: make the field a number field", problem.Message);
    }

    [Fact]
    public void A_choice_offering_a_value_the_variable_does_not_allow_is_an_error()
    {
        Procedure();
        var form = Assessment("""{ "name": "overall", "label": "Overall", "type": "level", "personal": false, "variable": "risk.level" }""");

        var problem = Single();
        Assert.Equal((form, "$.fields[0].variable"), (problem.File, problem.JsonPath));
        Assert.Contains("option 'medium' of field 'overall' is not an allowed value of variable 'risk.level' in workflow 'sample' (low, high)", problem.Message);
    }

    [Fact]
    public void A_form_setting_a_variable_the_step_does_not_list_in_sets_is_an_error()
    {
        var file = Procedure(doc => doc.Steps()[0]!.AsObject().Remove("sets"));
        Assessment(Overall);

        var problem = Single();
        Assert.Equal((file, "intake", "$.steps[0].sets"), (problem.File, problem.StepId, problem.JsonPath));
        Assert.Contains("form 'assessment' sets variable 'risk.level' from field 'overall', but the step does not list it in 'sets'", problem.Message);
    }

    [Fact]
    public void The_shipped_risk_assessment_feeds_the_risk_level_of_both_return_procedures()
    {
        var forms = ReferralFlow.Engine.Forms.FormCatalog.Beside(Workflows.ShippedWorkflows.Folder);
        Assert.Empty(forms.Problems);
        var risk = forms.Forms["risk-assessment"];
        var fed = risk.Fields.Where(f => f.Variable is not null).ToList();
        Assert.Equal("risk.level", Assert.Single(fed).Variable);
        Assert.All(risk.Fields.Where(f => f.Variable is null), f => Assert.True(f.Personal, f.Name));
        foreach (var area in new[] { "physicalHealth", "emotionalState", "familyRisk", "networkRisk", "substanceUseSelfHarm", "dangerWhileWaiting", "specialNeeds" })
        {
            Assert.Equal(ReferralFlow.Engine.Forms.FieldType.Level, risk.Field(area)!.Type);
            Assert.True(risk.Field(area)!.Required, area);
        }
        foreach (var id in new[] { "transnational-return", "child-return" })
            Assert.Equal("risk-assessment", Assert.IsType<TaskStep>(Workflows.ShippedWorkflows.Get(id).Step("risk-needs-assessment")).Form);
    }
}
