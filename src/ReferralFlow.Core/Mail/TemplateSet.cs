namespace ReferralFlow.Core.Mail;

/// <summary>
/// The message templates of one folder (layout in templates/README.md): <c>{template}/{language}.txt</c> files,
/// <c>phrases/{language}.txt</c> with the translated names of requests, answers and links, and <c>layout.html</c>
/// around every HTML body. Loaded whole, so a broken file is reported at start-up with every problem listed.
/// </summary>
public sealed class TemplateSet
{
    public const string DefaultLanguage = "en";
    public const string PhrasesFolder = "phrases";
    public const string LayoutFile = "layout.html";

    /// <summary>The languages shipped; a folder may hold more, each file is picked up.</summary>
    public static readonly IReadOnlyList<string> ShippedLanguages = ["en", "fr", "de", "it", "es", "ro", "bg", "sr"];

    private readonly Dictionary<(string Template, string Language), MessageTemplate> templates;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> phrases;

    private TemplateSet(string directory, Dictionary<(string, string), MessageTemplate> templates,
        Dictionary<string, IReadOnlyDictionary<string, string>> phrases, string layout)
    {
        Directory = directory;
        this.templates = templates;
        this.phrases = phrases;
        Layout = layout;
    }

    public string Directory { get; }
    public string Layout { get; }
    public IEnumerable<MessageTemplate> Templates => templates.Values;
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Phrases => phrases;

    public static TemplateSet Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new ReferralFlowException($"The templates folder '{directory}' does not exist; set {MailSettings.Templates} or run from the repository root.");
        var layoutPath = Path.Combine(directory, LayoutFile);
        if (!File.Exists(layoutPath))
            throw new ReferralFlowException($"The templates folder '{directory}' has no {LayoutFile}.");

        var problems = new List<string>();
        var templates = new Dictionary<(string, string), MessageTemplate>();
        var phrases = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var folder in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
            {
                var language = Path.GetFileNameWithoutExtension(file);
                var text = File.ReadAllText(file).ReplaceLineEndings("\n");
                if (name == PhrasesFolder) phrases[language] = ParsePhrases(file, text, problems);
                else if (MessageTemplate.Parse(name, language, file, text, problems) is { } template) templates[(name, language)] = template;
            }
        }
        if (problems.Count > 0)
            throw new ReferralFlowException($"The templates in '{directory}' have {problems.Count} problem(s):\n  " + string.Join("\n  ", problems));
        return new TemplateSet(directory, templates, phrases, File.ReadAllText(layoutPath));
    }

    /// <summary>The language to write in: the contact's (<c>fr</c>, <c>fr-BE</c>, <c>FR</c>) when the template
    /// exists in it, else English.</summary>
    public string LanguageFor(string template, string? wanted)
    {
        var language = Normalise(wanted);
        return language is not null && templates.ContainsKey((template, language)) ? language : DefaultLanguage;
    }

    public MessageTemplate Get(string template, string language) =>
        templates.TryGetValue((template, language), out var found) ? found
        : templates.TryGetValue((template, DefaultLanguage), out var english) ? english
        : throw new ReferralFlowException($"No template '{template}' in '{Directory}': add {template}/{DefaultLanguage}.txt.");

    /// <summary>A phrase in the language, else in English, else null.</summary>
    public string? Phrase(string language, string key) =>
        phrases.TryGetValue(language, out var own) && own.TryGetValue(key, out var value) ? value
        : phrases.TryGetValue(DefaultLanguage, out var english) && english.TryGetValue(key, out var fallback) ? fallback
        : null;

    internal static string? Normalise(string? language) =>
        language is { Length: > 0 } ? language.Trim().Split('-', '_')[0].ToLowerInvariant() : null;

    /// <summary><c>key = value</c> lines; blank lines and lines starting with # are skipped.</summary>
    private static Dictionary<string, string> ParsePhrases(string file, string text, List<string> problems)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                problems.Add($"{file}:{i + 1}: expected 'key = phrase'");
            else if (!result.TryAdd(parts[0].Trim(), parts[1].Trim()))
                problems.Add($"{file}:{i + 1}: '{parts[0].Trim()}' is defined twice");
        }
        return result;
    }
}

/// <summary>One template file: a <c>Subject:</c> line, a blank line, then the body (see templates/README.md).</summary>
public sealed record MessageTemplate(string Name, string Language, string File, string Subject, string Body)
{
    internal static MessageTemplate? Parse(string name, string language, string file, string text, List<string> problems)
    {
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        if (!head.StartsWith("Subject:", StringComparison.Ordinal) || head.Contains('\n') || split < 0)
        {
            problems.Add($"{file}:1: the first line must be 'Subject: …', followed by a blank line and the body");
            return null;
        }
        var template = new MessageTemplate(name, language, file, head["Subject:".Length..].Trim(), text[(split + 2)..].Trim('\n'));
        problems.AddRange(TemplateRenderer.Problems(template).Select(p => $"{file}: {p}"));
        return template;
    }
}
