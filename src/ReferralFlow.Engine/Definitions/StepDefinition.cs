namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// A node of the procedure graph. "Do" steps finish in the same engine pass;
/// "wait" steps (<see cref="IsWaiting"/>) suspend on a bookmark until a task, hand-off, timer or child completes.
/// </summary>
public abstract record StepDefinition
{
    public required string Id { get; init; }
    public string? Title { get; init; }

    /// <summary>Numeric variable incremented each time the step finishes (drives loops such as monthly reports).</summary>
    public string? Count { get; init; }

    public abstract string Type { get; }
    public abstract bool IsWaiting { get; }

    /// <summary>Possible outcomes, the expected (happy-path) one first.</summary>
    public abstract IReadOnlyList<string> Outcomes { get; }

    public string DisplayTitle => Title ?? Id;
}

/// <summary>Deadline settings shared by the steps a person or partner must act on.</summary>
public sealed record Deadline(
    WorkflowDuration Due,
    string? DueFrom,
    IReadOnlyList<WorkflowDuration> Remind,
    IReadOnlyList<EscalationRung> Escalate);

/// <summary>One rung of an escalation ladder: after <paramref name="After"/> past the due time, notify
/// <paramref name="To"/> (backup, coordinator, focal-point, alternatives) or move the step on with that outcome.</summary>
public sealed record EscalationRung(WorkflowDuration After, string To)
{
    public static readonly IReadOnlySet<string> Recipients =
        new HashSet<string> { "backup", "coordinator", "focal-point", "alternatives" };

    public bool IsOutcome => !Recipients.Contains(To);
}

public sealed record TaskStep : StepDefinition
{
    public override string Type => "task";
    public override bool IsWaiting => true;
    public required string Role { get; init; }
    public string? Form { get; init; }
    public required IReadOnlyList<string> OutcomeList { get; init; }
    public override IReadOnlyList<string> Outcomes => OutcomeList;
    public IReadOnlyList<string> Sets { get; init; } = [];
    public Deadline? Deadline { get; init; }
}

public sealed record PartnerRequestStep : StepDefinition
{
    public override string Type => "partnerRequest";
    public override bool IsWaiting => true;

    /// <summary>The partner's role in the referral (receiving, consulate, border-police ...).</summary>
    public required string Partner { get; init; }

    /// <summary>What is asked; selects the e-mail template (accept-referral, document-request ...).</summary>
    public required string Request { get; init; }

    /// <summary>How to find the organisation for <see cref="Partner"/> in the directory when none is assigned.</summary>
    public PartnerQuery? Find { get; init; }
    public required IReadOnlyList<string> OutcomeList { get; init; }
    public override IReadOnlyList<string> Outcomes => OutcomeList;
    public IReadOnlyList<string> Sets { get; init; } = [];
    public Deadline? Deadline { get; init; }

    /// <summary>The consent purpose (<see cref="ConsentPurposes"/>) the request is sent under; null: the request kind's default.</summary>
    public string? Consent { get; init; }

    public string ConsentPurpose => Consent ?? ConsentPurposes.DefaultFor(Request);

    /// <summary>What the consent must be beyond its purpose (<see cref="Definitions.ConsentNeeds"/>); empty: any valid consent.</summary>
    public IReadOnlyList<string> ConsentNeeds { get; init; } = [];

    /// <summary>What the request and its reminders carry to the partner besides the case code and the deadline.</summary>
    public IReadOnlyList<MessageFactDefinition> Facts { get; init; } = [];
}

public sealed record NotifyStep : StepDefinition
{
    public override string Type => "notify";
    public override bool IsWaiting => false;
    public required string To { get; init; }
    public required string Notice { get; init; }

    /// <summary>What the notice carries to the partner besides the case code.</summary>
    public IReadOnlyList<MessageFactDefinition> Facts { get; init; } = [];
    public override IReadOnlyList<string> Outcomes => ["done"];
}

public sealed record WaitStep : StepDefinition
{
    public override string Type => "wait";
    public override bool IsWaiting => true;
    public WorkflowDuration? For { get; init; }
    public string? Until { get; init; }
    public override IReadOnlyList<string> Outcomes => ["done"];
}

public sealed record DecisionBranch(string Outcome, string When, Conditions.Condition Condition);

public sealed record DecisionStep : StepDefinition
{
    public override string Type => "decision";
    public override bool IsWaiting => false;
    public required IReadOnlyList<DecisionBranch> Branches { get; init; }
    public required string Otherwise { get; init; }
    public override IReadOnlyList<string> Outcomes => [.. Branches.Select(b => b.Outcome).Append(Otherwise).Distinct()];
}

public sealed record ParallelStep : StepDefinition
{
    public override string Type => "parallel";
    public override bool IsWaiting => true;

    /// <summary>Branch name → first step of the branch. A branch ends on a transition to "join".</summary>
    public required IReadOnlyDictionary<string, string> Branches { get; init; }
    public required JoinMode Join { get; init; }

    /// <summary>Join all finishes "done"; join any finishes with the name of the branch that finished first.</summary>
    public override IReadOnlyList<string> Outcomes => Join == JoinMode.All ? ["done"] : [.. Branches.Keys];
}

public enum JoinMode { All, Any }

public sealed record SubworkflowStep : StepDefinition
{
    public override string Type => "subworkflow";
    public override bool IsWaiting => Wait;
    public required string Workflow { get; init; }
    public bool Wait { get; init; } = true;

    /// <summary>Child variable → parent variable name (JSON string) or literal (number, boolean).</summary>
    public IReadOnlyDictionary<string, object> Input { get; init; } = new Dictionary<string, object>();

    /// <summary>The child's end outcomes the parent routes on (when waiting); "started" otherwise.</summary>
    public IReadOnlyList<string> OutcomeList { get; init; } = [];
    public override IReadOnlyList<string> Outcomes => Wait ? OutcomeList : ["started"];
}

public sealed record EndStep : StepDefinition
{
    public override string Type => "end";
    public override bool IsWaiting => false;
    public required string Outcome { get; init; }
    public override IReadOnlyList<string> Outcomes => [];
}
