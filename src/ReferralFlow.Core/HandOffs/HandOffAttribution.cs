namespace ReferralFlow.Core.HandOffs;

/// <summary>Who made a hand-off change, as its <see cref="HandOffEvent"/> records it; derived from the acting
/// <see cref="Acting.Actor"/>.</summary>
public sealed record HandOffAttribution(string Kind, string? Actor = null, Guid? ContactId = null, string? Channel = null)
{
    public static readonly HandOffAttribution System = new(HandOffActorKinds.System);
    public static readonly HandOffAttribution Timer = new(HandOffActorKinds.Timer, "timer");

    /// <summary>A partner through its reply link, named by the directory contact the link was sent to.</summary>
    public static HandOffAttribution Link(Guid? contactId) =>
        new(HandOffActorKinds.Link, contactId is { } id ? "contact:" + id.ToString("D") : "reply-link", contactId, HandOffChannels.Link);

    /// <summary>The event recording <paramref name="handOff"/>'s state right after <paramref name="change"/>.</summary>
    public HandOffEvent Record(HandOff handOff, string change, DateTimeOffset at, string? protectedNote = null,
        Guid? fromOrganisationId = null, Guid? toOrganisationId = null) => new()
    {
        FromOrganisationId = fromOrganisationId, ToOrganisationId = toOrganisationId,
        HandOffId = handOff.Id, At = at, Change = change,
        Status = HandOffStatusCodes.ToCode(handOff.Status), SubStatus = handOff.SubStatus,
        Outcome = change is HandOffChanges.Answered or HandOffChanges.Expired ? handOff.Outcome : null,
        ActorKind = Kind, Actor = Actor, ContactId = ContactId, Channel = Channel, ProtectedNote = protectedNote,
    };
}
