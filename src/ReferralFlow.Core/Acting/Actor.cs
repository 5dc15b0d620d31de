using ReferralFlow.Core.HandOffs;

namespace ReferralFlow.Core.Acting;

/// <summary>
/// Who makes a change or reads personal data, carried by the transaction runner into every audit entry, history entry
/// and hand-off event it writes (DESIGN.md §7). A closed set: a signed-in user, a partner through a reply link, a worker
/// of the system (timers, outbox, start-up, demo), a command-line operator, or a web request nobody has signed in to.
/// </summary>
public abstract record Actor
{
    private protected Actor() { }

    /// <summary>What the audit trail, history and hand-off events name: a user or operator name, "contact:&lt;id&gt;",
    /// "timer"... never a person's name.</summary>
    public abstract string Name { get; }

    /// <summary>Where the action came from, for the audit trail: "web 10.0.0.7", "cli", "link", "worker".</summary>
    public abstract string Source { get; }

    /// <summary>A signed-in user, built by the web host from its principal.</summary>
    public static Actor User(Guid userId, string userName, Guid organisationId, string? address) =>
        new UserActor(userId, userName, organisationId, address);

    /// <summary>A partner through the reply link sent for <paramref name="handOffId"/> to a directory contact.</summary>
    public static Actor ReplyLink(Guid handOffId, Guid? contactId) => new ReplyLinkActor(handOffId, contactId);

    /// <summary>The person at the command line, by their operating-system user name.</summary>
    public static Actor Operator(string osUserName) => new OperatorActor(osUserName);

    /// <summary>The command-line operator of this process.</summary>
    public static Actor CurrentOperator() => Operator(Environment.UserName);

    /// <summary>A web request from <paramref name="address"/> with no signed-in user behind it.</summary>
    public static Actor Anonymous(string name, string? address) => new AnonymousActor(name, address);

    /// <summary>The timer worker: reminders, escalations and deadlines.</summary>
    public static readonly Actor Timer = new SystemActor("timer", "worker");

    /// <summary>The outbox worker: delivery outcomes.</summary>
    public static readonly Actor Outbox = new SystemActor("outbox", "worker");

    /// <summary>The system itself, e.g. "startup" re-encrypting old rows or "demo" seeding demo data.</summary>
    public static Actor System(string name, string source) => new SystemActor(name, source);

    /// <summary>
    /// How a hand-off event names this actor. An answer by the link is the partner's own; any other channel means a
    /// person recorded it on the partner's behalf.
    /// </summary>
    public abstract HandOffAttribution Attribution(string? channel);
}

public sealed record UserActor(Guid UserId, string UserName, Guid OrganisationId, string? Address) : Actor
{
    public override string Name => UserName;

    /// <summary>"web 10.0.0.7 organisation 3f2a…": the audit trail knows a user by name and organisation.</summary>
    public override string Source => $"{(Address is { Length: > 0 } ? $"web {Address}" : "web")} organisation {OrganisationId:D}";
    public override HandOffAttribution Attribution(string? channel) => new(HandOffActorKinds.Staff, UserName, null, channel);
}

public sealed record ReplyLinkActor(Guid HandOffId, Guid? ContactId) : Actor
{
    public override string Name => ContactId is { } id ? $"contact:{id:D}" : "reply-link";
    public override string Source => HandOffChannels.Link;
    public override HandOffAttribution Attribution(string? channel) => HandOffAttribution.Link(ContactId);
}

public sealed record OperatorActor(string OsUserName) : Actor
{
    public override string Name => OsUserName;
    public override string Source => "cli";
    public override HandOffAttribution Attribution(string? channel) => new(HandOffActorKinds.Staff, OsUserName, null, channel);
}

public sealed record AnonymousActor(string Label, string? Address) : Actor
{
    public override string Name => Label;
    public override string Source => Address is { Length: > 0 } ? $"web {Address}" : "web";
    public override HandOffAttribution Attribution(string? channel) => new(HandOffActorKinds.Staff, Label, null, channel);
}

public sealed record SystemActor(string Label, string From) : Actor
{
    public override string Name => Label;
    public override string Source => From;
    // The demo plays staff, as it always did: a named system actor other than the timer records on the partner's behalf.
    public override HandOffAttribution Attribution(string? channel) => Label switch
    {
        "timer" => HandOffAttribution.Timer,
        "system" => HandOffAttribution.System with { Channel = channel },
        _ => new(HandOffActorKinds.Staff, Label, null, channel),
    };
}
