namespace ReferralFlow.Core.HandOffs;

/// <summary>Who made a hand-off change, as its <see cref="HandOffEvent"/> records it.</summary>
public sealed record HandOffAttribution(string Kind, string? Actor = null, Guid? ContactId = null, string? Channel = null)
{
    private const string ContactPrefix = "contact:";

    public static readonly HandOffAttribution System = new(HandOffActorKinds.System);
    public static readonly HandOffAttribution Timer = new(HandOffActorKinds.Timer, "timer");

    /// <summary>A partner through its reply link, named by the directory contact the link was sent to.</summary>
    public static HandOffAttribution Link(Guid? contactId) =>
        new(HandOffActorKinds.Link, contactId is { } id ? ContactPrefix + id.ToString("D") : "reply-link", contactId, HandOffChannels.Link);

    /// <summary>
    /// From the actor and channel the engine carries ("contact:&lt;id&gt;" for a link, "timer", a staff role or user
    /// name, or none for the procedure itself). An answer that came by link is the partner's; any other channel
    /// means staff recorded it on the partner's behalf.
    /// </summary>
    public static HandOffAttribution FromEngine(string? actor, string? channel)
    {
        if (channel == HandOffChannels.Link || actor?.StartsWith(ContactPrefix, StringComparison.Ordinal) == true)
            return Link(actor is not null && actor.StartsWith(ContactPrefix, StringComparison.Ordinal)
                && Guid.TryParse(actor[ContactPrefix.Length..], out var contact) ? contact : null);
        return actor switch
        {
            null or "system" => System with { Channel = channel },
            "timer" => Timer,
            _ => new HandOffAttribution(HandOffActorKinds.Staff, actor, null, channel),
        };
    }

    /// <summary>The event recording <paramref name="handOff"/>'s state right after <paramref name="change"/>.</summary>
    public HandOffEvent Record(HandOff handOff, string change, DateTimeOffset at, string? protectedNote = null) => new()
    {
        HandOffId = handOff.Id, At = at, Change = change,
        Status = HandOffStatusCodes.ToCode(handOff.Status), SubStatus = handOff.SubStatus,
        Outcome = change is HandOffChanges.Answered or HandOffChanges.Expired ? handOff.Outcome : null,
        ActorKind = Kind, Actor = Actor, ContactId = ContactId, Channel = Channel, ProtectedNote = protectedNote,
    };
}
