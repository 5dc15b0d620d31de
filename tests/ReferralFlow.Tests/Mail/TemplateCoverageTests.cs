using System.Net.Mail;
using System.Text.Json.Nodes;
using ReferralFlow.Core.Mail;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Mail;

/// <summary>Every template in every language, and every name the shipped procedures use, against the template set.</summary>
public class TemplateCoverageTests
{
    private static TemplateSet Templates => MailHarness.Templates;

    [Fact]
    public void Every_template_renders_in_every_language_with_exactly_the_placeholders_of_its_English_original()
    {
        var gaps = new List<string>();
        foreach (var template in TemplateNames.All)
        {
            var english = Templates.Templates.SingleOrDefault(t => t.Name == template && t.Language == TemplateSet.DefaultLanguage);
            if (english is null) { gaps.Add($"{template}: no en.txt"); continue; }
            var expected = Placeholders(english);
            foreach (var language in TemplateSet.ShippedLanguages)
            {
                var translation = Templates.Templates.SingleOrDefault(t => t.Name == template && t.Language == language);
                if (translation is null) { gaps.Add($"{template}/{language}.txt: missing"); continue; }
                var actual = Placeholders(translation);
                gaps.AddRange(expected.Except(actual).Select(p => $"{template}/{language}.txt: missing {{{{{p}}}}}"));
                gaps.AddRange(actual.Except(expected).Select(p => $"{template}/{language}.txt: {{{{{p}}}}} is not in the English original"));
                var rendered = TemplateRenderer.Render(Templates, template, language, Facts("accept-referral", answer: "accepted"));
                if (rendered.Language != language) gaps.Add($"{template}/{language}.txt: rendered in {rendered.Language}");
                foreach (var (part, text) in new[] { ("subject", rendered.Subject), ("text", rendered.Text), ("html", rendered.Html) })
                    if (text.Contains("{{", StringComparison.Ordinal) || text.Contains("}}", StringComparison.Ordinal))
                        gaps.Add($"{template}/{language}.txt: the rendered {part} still holds a placeholder");
            }
        }
        Assert.True(gaps.Count == 0, "Template gaps:\n" + string.Join("\n", gaps));
    }

    [Fact]
    public void Every_language_has_every_phrase_of_English()
    {
        var english = Templates.Phrases[TemplateSet.DefaultLanguage].Keys.ToHashSet();
        var gaps = TemplateSet.ShippedLanguages
            .SelectMany(language => Templates.Phrases.TryGetValue(language, out var own)
                ? english.Except(own.Keys).Select(key => $"phrases/{language}.txt: missing '{key}'")
                    .Concat(own.Keys.Except(english).Select(key => $"phrases/{language}.txt: '{key}' is not in English"))
                : [$"phrases/{language}.txt: missing"])
            .ToList();
        Assert.True(gaps.Count == 0, "Phrase gaps:\n" + string.Join("\n", gaps));
    }

    [Fact]
    public void Every_request_notice_and_answer_of_the_shipped_procedures_has_a_template_and_a_phrase()
    {
        var gaps = new List<string>();
        foreach (var file in Directory.GetFiles(RuntimeHarness.RepositoryWorkflows, "*.json").Where(f => !f.EndsWith("schema.json", StringComparison.Ordinal)))
        {
            foreach (var step in JsonNode.Parse(File.ReadAllText(file))!["steps"]!.AsArray().Select(s => s!))
            {
                var (kind, name) = step["type"]!.GetValue<string>() switch
                {
                    "partnerRequest" => (OutboxKinds.Request, step["request"]!.GetValue<string>()),
                    "notify" => (OutboxKinds.Notice, step["notice"]!.GetValue<string>()),
                    _ => (null, null),
                };
                if (kind is null || name is null) continue;
                var where = $"{Path.GetFileName(file)} step '{step["id"]}'";
                if (!TemplateNames.IsMapped(kind, name)) gaps.Add($"{where}: request '{name}' has no template in TemplateNames");
                if (Templates.Phrase("en", "request." + name) is null) gaps.Add($"{where}: no phrase 'request.{name}'");
                var ladder = step["escalate"]?.AsArray().Select(r => r!["to"]!.GetValue<string>()).ToHashSet() ?? [];
                foreach (var outcome in step["outcomes"]?.AsArray().Select(o => o!.GetValue<string>()).Where(o => !ladder.Contains(o)) ?? [])
                    if (Templates.Phrase("en", "answer." + outcome) is null) gaps.Add($"{where}: no phrase 'answer.{outcome}'");
                // Every fact's label (issue 9 §3); the other languages follow English (the test above).
                foreach (var fact in step["facts"]?.AsArray().Select(f => f!["name"]!.GetValue<string>()) ?? [])
                    if (Templates.Phrase("en", "fact." + fact) is null) gaps.Add($"{where}: no phrase 'fact.{fact}'");
            }
        }
        Assert.True(gaps.Count == 0, "Names without a template or phrase:\n" + string.Join("\n", gaps.Distinct()));
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("fr-BE", "fr")]
    [InlineData("SR_Latn", "sr")]
    [InlineData("pt", "en")]
    [InlineData(null, "en")]
    public void Writes_in_the_contacts_language_with_English_as_the_fallback(string? wanted, string expected) =>
        Assert.Equal(expected, TemplateRenderer.Render(Templates, "reminder", wanted, Facts("accept-referral")).Language);

    [Fact]
    public void Values_are_HTML_encoded_in_the_HTML_part_and_left_as_they_are_in_the_text()
    {
        var facts = Facts("accept-referral");
        var sender = new MessageSender("Smith & <Partners>", new MailAddress("a&b@example.org"));
        var rendered = TemplateRenderer.Render(Templates, "accept-referral", "en",
            new MessageFacts(facts.CaseCode, facts.Request, facts.DueAt, sender, facts.Links));

        Assert.Contains("Smith & <Partners>", rendered.Text);
        Assert.Contains("Smith &amp; &lt;Partners&gt;", rendered.Html);
        Assert.DoesNotContain("<Partners>", rendered.Html);
    }

    [Fact]
    public void A_template_with_an_unknown_or_misplaced_placeholder_is_refused_with_each_problem()
    {
        var template = new MessageTemplate("x", "en", "x/en.txt", "{{caseCode}} {{personName}}", "Hello {{answerLinks}}\n\n{{dueAt}");

        var problems = TemplateRenderer.Problems(template);

        Assert.Contains(problems, p => p.Contains("unknown placeholder {{personName}} in the subject", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not part of a {{placeholder}}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("must stand alone", StringComparison.Ordinal));
    }

    internal static MessageFacts Facts(string request, string? answer = null, IReadOnlyList<MessageLink>? links = null) => new(
        "RF-2027-7KQ3M", request, new DateTimeOffset(2027, 1, 14, 9, 0, 0, TimeSpan.Zero),
        new MessageSender("ASTRA – Anti-trafficking Action", new MailAddress("referrals@astra.example.org")),
        links ?? [.. new[] { "accepted", "declined", "needs-information" }.Select(a =>
            new MessageLink(a, new Uri($"https://referrals.example.org/reply/pending?answer={a}")))],
        answer);

    private static HashSet<string> Placeholders(MessageTemplate template) =>
        [.. TemplateRenderer.PlaceholdersIn(template.Subject), .. TemplateRenderer.PlaceholdersIn(template.Body)];
}
