using ReferralFlow.Core.Partners;

namespace ReferralFlow.Tests.Partners;

/// <summary>Reading and checking directory files without a database: lines, paths and messages.</summary>
public class DirectoryFileTests
{
    private static IReadOnlyList<DirectoryProblem> Check(string text, DirectoryFormat format = DirectoryFormat.Yaml)
    {
        var problems = new DirectoryProblems("f");
        var file = DirectoryImport.Read(text, format, problems);
        if (file is not null) DirectoryChecks.Run(file, new Dictionary<string, string>(), new Dictionary<string, string>(), new Dictionary<string, string>(), problems);
        return problems.Sorted();
    }

    private const string OneContact = """
        organisations:
          - id: ro-x
            name: X
            kind: ngo
            country: RO
            contacts:
              - id: x-a
                name: A
                email: a@x.example.org
                language: ro
                authorised: true
        """;

    [Fact]
    public void A_valid_file_has_no_problems_in_yaml_or_json()
    {
        Assert.Empty(Check(OneContact));
        Assert.Empty(Check("""
            {"organisations": [{"id": "ro-x", "name": "X", "kind": "ngo", "country": "RO",
              "contacts": [{"id": "x-a", "name": "A", "email": "a@x.example.org", "language": "ro", "authorised": true}]}]}
            """, DirectoryFormat.Json));
    }

    [Fact]
    public void Json_problems_carry_the_line_of_the_field()
    {
        var problems = Check("""
            {
              "organisations": [
                {
                  "id": "ro-x",
                  "name": "X",
                  "kind": "ngo",
                  "country": "ROU",
                  "services": ["shelter", "housing"],
                  "contacts": [{"id": "x-a", "name": "A", "email": "a@x.example.org", "language": "ro", "authorised": "true"}],
                  "website": "x.example.org"
                }
              ]
            }
            """, DirectoryFormat.Json);

        Assert.Equal(
            [(7, "$.organisations[0].country"), (8, "$.organisations[0].services[1]"),
             (9, "$.organisations[0].contacts[0].authorised"), (10, "$.organisations[0].website")],
            problems.Select(p => (p.Line, p.Path)));
        Assert.Contains("not the quoted text 'true'", problems[2].Message);
        Assert.Contains("remove it, or use one of", problems[3].Message);
    }

    [Theory]
    [InlineData("organisations:\n  - id: [ro-x\n", DirectoryFormat.Yaml, 3)]
    [InlineData("{\n \"organisations\": [\n  {\"id\": \"ro-x\",}\n ]\n}", DirectoryFormat.Json, 3)]
    public void A_syntax_error_is_one_problem_at_its_line(string text, DirectoryFormat format, int line)
    {
        var problem = Assert.Single(Check(text, format));

        Assert.Equal((line, "$"), (problem.Line, problem.Path));
        Assert.Contains("fix the syntax", problem.Message);
    }

    [Fact]
    public void Misspelt_fields_and_words_get_a_suggestion()
    {
        var problems = Check(OneContact.Replace("kind: ngo", "kind: embassy").Replace("language: ro", "langauge: ro")
            .Replace("country: RO", "country: UK"));

        Assert.Contains(problems, p => p.Message.Contains("unknown kind 'embassy': write 'consulate'"));
        Assert.Contains(problems, p => p.Message.Contains("write 'GB'"));
        Assert.Contains(problems, p => p.Message.Contains("unknown field 'langauge' on a contact; did you mean 'language'?"));
        Assert.Contains(problems, p => p.Message.Contains("'language' is missing on a contact"));
    }

    [Fact]
    public void An_active_organisation_without_an_authorised_contact_is_a_warning_not_an_error()
    {
        var problem = Assert.Single(Check(OneContact.Replace("authorised: true", "authorised: false")));

        Assert.True(problem.IsWarning);
        Assert.Equal((2, "$.organisations[0]"), (problem.Line, problem.Path));
        Assert.Contains("no contact authorised to accept referrals", problem.Message);
        Assert.Empty(Check(OneContact.Replace("authorised: true", "authorised: false").Replace("country: RO", "country: RO\n    active: false")));
    }

    [Fact]
    public void A_backup_must_be_a_colleague_and_an_unauthorised_one_is_a_warning()
    {
        var file = OneContact + """

                    backup: x-b
                  - id: x-b
                    name: B
                    email: b@x.example.org
                    language: en
                    authorised: false
                    backup: x-b
            """;

        var problems = Check(file);

        Assert.Equal([(12, true), (18, false)], problems.Select(p => (p.Line, p.IsWarning)));
        Assert.Contains("reminders meant for the backup of 'x-a' are not sent", problems[0].Message);
        Assert.Contains("names itself as backup", problems[1].Message);
    }

    [Fact]
    public void Staff_roles_and_the_network_section_name_known_roles_and_existing_contacts()
    {
        var file = "network:\n  coordinator: x-b\n  focal-piont: x-a\n  focal-point: x-z\n" + OneContact + """

                    staffRoles: [coordinator, coordinater]
                  - id: x-b
                    name: B
                    email: b@x.example.org
                    language: en
                    authorised: false
                    staffRoles: [focal-point]
            """;

        var problems = Check(file);

        Assert.Equal(
            [(2, "$.network.coordinator", true), (3, "$.network.focal-piont", false), (4, "$.network.focal-point", false),
             (16, "$.organisations[0].contacts[0].staffRoles[1]", false), (17, "$.organisations[0].contacts[1].staffRoles", true)],
            problems.Select(p => (p.Line, p.Path, p.IsWarning)));
        Assert.Contains("the network's coordinator 'x-b' is not authorised, so coordinator messages are not sent to it", problems[0].Message);
        Assert.Contains("unknown field 'focal-piont' on the network section; did you mean 'focal-point'?", problems[1].Message);
        Assert.Contains("the network's focal-point 'x-z' is not a contact in the directory", problems[2].Message);
        Assert.Contains("unknown staff role 'coordinater'; did you mean 'coordinator'?", problems[3].Message);
        Assert.Contains("contact 'x-b' holds focal-point but is not authorised to act for 'ro-x'", problems[4].Message);
        Assert.Empty(Check("{\"network\": {\"coordinator\": \"x-a\"}, \"organisations\": []}".Replace("[]", """
            [{"id": "ro-x", "name": "X", "kind": "ngo", "country": "RO", "contacts": [{"id": "x-a", "name": "A",
              "email": "a@x.example.org", "language": "ro", "authorised": true, "staffRoles": ["coordinator", "focal-point"]}]}]
            """), DirectoryFormat.Json));
    }

    [Fact]
    public void Any_extension_other_than_yaml_or_json_is_refused_before_reading()
    {
        var refused = Assert.Throws<Core.ReferralFlowException>(() => DirectoryImport.FormatOf("directory.csv"));
        Assert.Contains(".yaml, .yml or .json", refused.Message);
        Assert.Equal(DirectoryFormat.Yaml, DirectoryImport.FormatOf("Partners.YML"));
    }
}
