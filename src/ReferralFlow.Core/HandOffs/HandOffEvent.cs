namespace ReferralFlow.Core.HandOffs;

/// <summary>
/// One change of a hand-off's status or sub-status, with when and by whom (DESIGN.md §5: "every change is
/// timestamped and attributed"). Append-only, written in the transaction of the change. Holds codes and ids only:
/// the staff note, which is free text, is kept encrypted (<see cref="ProtectedNote"/>).
/// </summary>
public sealed class HandOffEvent
{
    /// <summary>Assigned by the database; orders changes made in the same instant (opened, then answered).</summary>
    public long Id { get; private set; }
    public required Guid HandOffId { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>One of <see cref="HandOffChanges"/>.</summary>
    public required string Change { get; init; }

    /// <summary>The FHIR status code after the change.</summary>
    public required string Status { get; init; }

    /// <summary>The sub-status after the change (<see cref="HandOffSubStatuses"/>), if any.</summary>
    public string? SubStatus { get; init; }

    /// <summary>The answer or timeout outcome, for "answered" and "expired".</summary>
    public string? Outcome { get; init; }

    /// <summary>One of <see cref="HandOffActorKinds"/>.</summary>
    public required string ActorKind { get; init; }

    /// <summary>Staff user name or role ("caseworker"), or "contact:&lt;id&gt;" for a partner's link; never a person's name.</summary>
    public string? Actor { get; init; }

    /// <summary>The directory contact who acted, when known (the link's addressee).</summary>
    public Guid? ContactId { get; init; }

    /// <summary>How the change reached us (<see cref="HandOffChannels"/>), when a partner told us.</summary>
    public string? Channel { get; init; }

    /// <summary>For a request that moved (forwarded, reassigned): the organisation it left and the one it went to.</summary>
    public Guid? FromOrganisationId { get; init; }
    public Guid? ToOrganisationId { get; init; }

    /// <summary>A staff note, encrypted with the personal-data protector: free text may name anyone.</summary>
    public string? ProtectedNote { get; init; }
}

/// <summary>What kind of change a <see cref="HandOffEvent"/> records.</summary>
public static class HandOffChanges
{
    public const string Requested = "requested";
    public const string Received = "received";
    public const string Answered = "answered";
    public const string Progress = "progress";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";

    /// <summary>The partner could not help and sent the request on to another organisation (or proposed an address
    /// the sending caseworker must confirm first).</summary>
    public const string Forwarded = "forwarded";
    public const string ForwardProposed = "forward-proposed";

    /// <summary>A caseworker of the sending organisation declined the address a partner proposed: nobody is asked until
    /// the role is reassigned or the caseworker sends the request to an organisation.</summary>
    public const string ForwardDeclined = "forward-declined";

    /// <summary>The role was given to another organisation while the request was open: it moved there.</summary>
    public const string Reassigned = "reassigned";
}

/// <summary>Who made a change: the partner through a reply link, staff (on the partner's behalf or their own), a
/// deadline timer, or the procedure itself (a request opened, a branch cancelled).</summary>
public static class HandOffActorKinds
{
    public const string Link = "link";
    public const string Staff = "staff";
    public const string Timer = "timer";
    public const string System = "system";
}
