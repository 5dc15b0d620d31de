using ReferralFlow.Engine.Conditions;

namespace ReferralFlow.Engine.Definitions;

/// <summary>notify, wait and end: steps with a fixed outcome ("done") or none.</summary>
internal static class SimpleStepParser
{
    public static StepDefinition Notify(StepInput s)
    {
        var to = s.Reader.String("to", true, "the partner role to notify, e.g. \"child-protection\"");
        var notice = s.Reader.String("notice", true, "what is sent, e.g. \"arrival-notice\"");
        s.Declare("done", s.Parsed.Path);
        return new NotifyStep
        {
            Id = s.Id, Title = s.Title, Count = s.Count, To = to ?? "", Notice = notice ?? "", Facts = FactParser.Parse(s),
        };
    }

    public static StepDefinition Wait(StepInput s)
    {
        var r = s.Reader;
        var hasFor = r.Has("for");
        var hasUntil = r.Has("until");
        if (hasFor == hasUntil)
            s.Problems.Add(s.Id, s.Parsed.Path, hasFor
                ? "wait step has both 'for' and 'until': keep exactly one of them"
                : "wait step needs exactly one of 'for' (a duration such as \"P1M\") and 'until' (a date variable): add one");
        var duration = r.Duration("for", false, false, "a duration such as \"P1M\"");
        var until = r.String("until", false, "the name of a date variable");
        if (until is not null)
            s.Variables.Check(s.Problems, s.Id, r.PathOf("until"), until, "'until'", VariableType.Date);
        s.Declare("done", s.Parsed.Path);
        return new WaitStep { Id = s.Id, Title = s.Title, Count = s.Count, For = duration, Until = until };
    }

    public static StepDefinition End(StepInput s)
    {
        var outcome = s.Reader.Id("outcome", true, "how the referral ends, e.g. \"returned\" or \"withdrawn\"");
        return new EndStep { Id = s.Id, Title = s.Title, Count = s.Count, Outcome = outcome ?? "" };
    }
}
