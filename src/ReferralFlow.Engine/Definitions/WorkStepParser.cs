using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>Steps a person or partner acts on: task and partnerRequest, with their deadlines.</summary>
internal static class WorkStepParser
{
    private const string OutcomesHint = "the possible outcomes, happy path first, e.g. [\"accepted\", \"declined\"]";

    public static StepDefinition Task(StepInput s)
    {
        var role = s.Reader.String("role", true, "who does the task, e.g. \"caseworker\" or \"coordinator\"");
        var form = s.Reader.String("form", false, "the name of the form to fill in");
        var outcomes = s.ReadOutcomes(true, OutcomesHint);
        return new TaskStep
        {
            Id = s.Id, Title = s.Title, Count = s.Count, Role = role ?? "", Form = form,
            OutcomeList = outcomes ?? [], Sets = Sets(s), Deadline = DeadlineParser.Parse(s, outcomes),
        };
    }

    public static StepDefinition PartnerRequest(StepInput s)
    {
        var partner = s.Reader.String("partner", true, "the partner's role in the referral, e.g. \"receiving\" or \"consulate\"");
        var request = s.Reader.String("request", true, "what is asked, e.g. \"accept-referral\" or \"document-request\"");
        var find = PartnerQueryParser.Parse(s);
        var outcomes = s.ReadOutcomes(true, OutcomesHint);
        return new PartnerRequestStep
        {
            Id = s.Id, Title = s.Title, Count = s.Count, Partner = partner ?? "", Request = request ?? "", Find = find,
            OutcomeList = outcomes ?? [], Sets = Sets(s), Deadline = DeadlineParser.Parse(s, outcomes), Consent = Consent(s),
            ConsentNeeds = Needs(s),
            Facts = FactParser.Parse(s),
        };
    }

    private static string? Consent(StepInput s)
    {
        var purpose = s.Reader.String("consent", false, $"the consent purpose the request needs: {Names.List(ConsentPurposes.All)}");
        if (purpose is null || ConsentPurposes.All.Contains(purpose)) return purpose;
        s.Reader.Report("consent", $"unknown consent purpose '{purpose}': use one of {Names.List(ConsentPurposes.All)}" +
            Names.DidYouMean(purpose, ConsentPurposes.All));
        return null;
    }

    private static IReadOnlyList<string> Needs(StepInput s)
    {
        var needs = s.Reader.Strings("consentNeeds", false, false,
            $"what the consent must be beyond its purpose: {Names.List(ConsentNeeds.All)}");
        foreach (var (need, path) in needs ?? [])
        {
            if (!ConsentNeeds.All.Contains(need))
                s.Problems.Add(s.Id, path, $"unknown consent need '{need}': use {Names.List(ConsentNeeds.All)}" + Names.DidYouMean(need, ConsentNeeds.All));
        }
        return needs?.Select(x => x.Value).Where(ConsentNeeds.All.Contains).Distinct().ToList() ?? [];
    }

    private static IReadOnlyList<string> Sets(StepInput s)
    {
        var sets = s.Reader.Strings("sets", false, false, "the variable names the submitted data sets, e.g. [\"risk.level\"]");
        foreach (var (name, path) in sets ?? [])
            s.Variables.Check(s.Problems, s.Id, path, name, "'sets'", null);
        return sets?.Select(x => x.Value).ToList() ?? [];
    }
}

/// <summary>due, dueFrom, remind and escalate of a task or partnerRequest.</summary>
internal static class DeadlineParser
{
    // Durations with months or business days have no fixed length: compare them from one fixed Monday.
    private static readonly DateTimeOffset Reference = new(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Length(WorkflowDuration duration)
    {
        try
        {
            return duration.AddTo(Reference);
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateTimeOffset.MaxValue; // thousands of years: later than anything sensible
        }
    }

    public static Deadline? Parse(StepInput s, IReadOnlyList<string>? outcomes)
    {
        var r = s.Reader;
        var due = r.Duration("due", false, false, "an ISO-8601 duration such as \"P10D\" or \"P5BD\"");
        var dueFrom = r.String("dueFrom", false, "the name of a date variable");
        if (dueFrom is not null)
            s.Variables.Check(s.Problems, s.Id, r.PathOf("dueFrom"), dueFrom, "'dueFrom'", VariableType.Date);
        var remind = Remind(r);
        var escalate = Escalate(s, outcomes);
        if (!r.Has("due"))
        {
            foreach (var field in new[] { "dueFrom", "remind", "escalate" }.Where(r.Has))
                r.Report(field, $"'{field}' needs a 'due' on the step, because it counts from the due time: " +
                    $"add \"due\" (e.g. \"P10D\") or remove '{field}'");
        }
        return due is null ? null : new Deadline(due, dueFrom, remind, escalate);
    }

    private static List<WorkflowDuration> Remind(ObjectReader r)
    {
        var items = r.Strings("remind", false, false, "offsets from the due time, e.g. [\"-P2D\", \"P1D\"]");
        var result = new List<WorkflowDuration>();
        foreach (var (text, path) in items ?? [])
            if (r.ParseDuration(text, path, allowNegative: true, "remind") is { } d) result.Add(d);
        return result;
    }

    private static List<EscalationRung> Escalate(StepInput s, IReadOnlyList<string>? outcomes)
    {
        var result = new List<EscalationRung>();
        if (s.Reader.Value("escalate", false, System.Text.Json.JsonValueKind.Array,
                "a ladder such as [{ \"after\": \"P2D\", \"to\": \"backup\" }]") is not { } ladder) return result;
        var index = 0;
        (WorkflowDuration After, string Path)? previous = null;
        foreach (var item in ladder.EnumerateArray())
        {
            var path = Names.Index(s.Reader.PathOf("escalate"), index++);
            if (ObjectReader.Open(s.Problems, item, path, s.Id, "an escalation rung") is not { } rung) continue;
            rung.CheckFields(["after", "to"]);
            var after = rung.Duration("after", true, false, "the time after the due time, e.g. \"P2D\"");
            var to = rung.String("to", true, $"a recipient ({Names.List(EscalationRung.Recipients)}) or an outcome of the step");
            if (to is not null && !EscalationRung.Recipients.Contains(to) && outcomes is not null && !outcomes.Contains(to))
                rung.Report("to", $"escalation target '{to}' is neither a recipient ({Names.List(EscalationRung.Recipients)}) " +
                    $"nor an outcome of step '{s.Id}' ({Names.List(outcomes)}): use one of them" +
                    Names.DidYouMean(to, [.. EscalationRung.Recipients, .. outcomes]));
            if (after is null) continue;
            if (previous is { } p && Length(after) < Length(p.After))
                rung.Report("after", $"rung after '{after}' comes later in the ladder than the rung after '{p.After}' " +
                    $"at {p.Path}: order the escalation ladder by 'after', earliest first");
            previous = (after, rung.PathOf("after"));
            if (to is not null) result.Add(new EscalationRung(after, to));
        }
        return result;
    }
}
