using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Consent;
using ReferralFlow.Core.Forwarding;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Replies;
using ReferralFlow.Tests.Consent;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Forwarding;

/// <summary>Issue 9 §2, forwarding: a partner that cannot help sends the request on from its reply page. The chain is
/// recorded on the hand-off, the sender is told, the new recipient gets its own links through the consent gate, and the
/// forwarding partner's links close. An address outside the directory waits for the sending caseworker.</summary>
public partial class ForwardingTests
{
    private static async Task<(ConsentHarness Harness, Guid ReferralId, string Token, Guid FirstRequest)> AtDeliveredRequestAsync(string provider, string name)
    {
        var harness = await ConsentHarness.CreateAsync(provider, name);
        var referral = await harness.StartAsync("fr-foyer");
        await harness.RecordAsync(referral.Id, "fr-foyer");
        await harness.ReachRequestAsync(referral.Id);
        Assert.Equal(1, (await harness.Delivery().DeliverDueAsync()).Sent);
        await using var db = harness.Runtime.Open();
        var request = await db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Request);
        return (harness, referral.Id, Token(harness.Mail(request.Id).Text), request.Id);
    }

    private static ReplyForwarding Forwarding(ConsentHarness harness) => new(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Forwarding_to_a_directory_organisation_records_the_chain_tells_the_sender_and_holds_until_its_consent(string provider)
    {
        var (harness, referralId, token, firstRequest) = await AtDeliveredRequestAsync(provider, "forward_directory");
        await using var _ = harness;
        var found = Assert.IsType<ForwardResult.Choosing>(await Forwarding(harness).ShowAsync(token, "refuge", CancellationToken.None));
        Assert.Equal(["be-refuge"], found.Targets.Select(t => t.Key));
        // Without a search: the alternatives of the same country and kind; Foyer Lumière has none, and never itself.
        Assert.Empty(Assert.IsType<ForwardResult.Choosing>(await Forwarding(harness).ShowAsync(token, null, CancellationToken.None)).Targets);

        var result = await Forwarding(harness).ForwardAsync(token, "be-refuge", null, "refuge", CancellationToken.None);

        Assert.Equal("Refuge Bruxelles", Assert.IsType<ForwardResult.Forwarded>(result).Organisation);
        await using (var db = harness.Runtime.Open())
        {
            var foyer = await db.Organisations.SingleAsync(o => o.Key == "fr-foyer");
            var refuge = await db.Organisations.SingleAsync(o => o.Key == "be-refuge");
            var handOff = await db.HandOffs.SingleAsync();
            Assert.Equal((HandOffStatus.Requested, refuge.Id), (handOff.Status, handOff.AddressedOrganisationId));
            var forward = await db.HandOffForwards.SingleAsync();
            Assert.Equal((ForwardStatus.Forwarded, foyer.Id, refuge.Id), (forward.Status, forward.FromOrganisationId, forward.ToOrganisationId));
            Assert.NotNull(forward.FromContactId);
            var moved = await db.HandOffEvents.SingleAsync(e => e.Change == HandOffChanges.Forwarded);
            Assert.Equal((foyer.Id, refuge.Id, HandOffActorKinds.Link, forward.FromContactId), (moved.FromOrganisationId, moved.ToOrganisationId, moved.ActorKind, moved.ContactId));
            Assert.Equal("'accept-referral' forwarded by Foyer Lumière (fr-foyer), which cannot help, to Refuge Bruxelles (be-refuge)",
                (await db.History.SingleAsync(h => h.Kind == ReplyForwarding.ForwardedHistory)).Detail);
            // The consent gate applies to the new recipient: no consent covers the refuge yet.
            Assert.Equal(refuge.Id, (await db.HeldRequests.SingleAsync(h => h.Status == HeldRequestStatus.Held)).OrganisationId);
            var notice = await db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Notice);
            Assert.Equal(("coordinator", "forward-notice"), (notice.Recipient, notice.Template));
            // The role stays with its organisation: the forward addresses this request only.
            Assert.Equal("fr-foyer", (await Core.Partners.PartnerAssignments.OrganisationForAsync(db, referralId, "receiving"))!.Key);
        }
        Assert.IsType<ReplyResult.Moved>(await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(token, CancellationToken.None));

        await harness.RecordAsync(referralId, "be-refuge");
        Assert.Equal(2, (await harness.Delivery().DeliverDueAsync()).Sent);
        await using var read = harness.Runtime.Open();
        var second = await read.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Request && m.Id != firstRequest);
        var mail = harness.Mail(second.Id);
        Assert.Contains("intake@refuge.example.org", mail.Headers["to"]);
        Assert.IsType<ReplyResult.Open>(await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(Token(mail.Text), CancellationToken.None));
        var told = harness.Mail((await read.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Notice)).Id);
        Assert.StartsWith($"{await read.Referrals.Select(r => r.CaseCode).SingleAsync()}: request forwarded", told.Subject);
    }

    [Fact]
    public async Task An_address_outside_the_directory_waits_for_the_sending_caseworker_then_goes_through_the_consent_gate()
    {
        var (harness, referralId, token, firstRequest) = await AtDeliveredRequestAsync("sqlite", "forward_address");
        await using var _ = harness;

        var invalid = await Forwarding(harness).ForwardAsync(token, null, "Help Desk <help@other.example.org>", null, CancellationToken.None);
        Assert.Contains(ForwardInput.EmailField, Assert.IsType<ForwardResult.Invalid>(invalid).Errors.Keys);
        Assert.IsType<ForwardResult.Invalid>(await Forwarding(harness).ForwardAsync(token, null, null, null, CancellationToken.None));

        Assert.IsType<ForwardResult.Proposed>(await Forwarding(harness).ForwardAsync(token, null, " help@other.example.org ", null, CancellationToken.None));

        AwaitingForward awaiting;
        await using (var db = harness.Runtime.Open())
        {
            awaiting = Assert.Single(await ForwardConfirmation.AwaitingAsync(db, referralId, CancellationToken.None));
            Assert.Equal(("help@other.example.org", "fr-foyer", null), (awaiting.Email, awaiting.FromKey, awaiting.SuggestedOrganisation));
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Request));
            Assert.Null((await db.HandOffs.SingleAsync()).AddressedEmail);
            Assert.Single(await db.HandOffEvents.Where(e => e.Change == HandOffChanges.ForwardProposed).ToListAsync());
            // History says who proposed, never the address.
            Assert.DoesNotContain(await db.History.ToListAsync(), h => h.Detail?.Contains("other.example.org") == true);
        }
        Assert.IsType<ReplyResult.Moved>(await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(token, CancellationToken.None));
        // Nothing goes to the address but the notice to the sender.
        Assert.Equal(1, (await harness.Delivery().DeliverDueAsync()).Sent);

        var caseworker = Actor.Operator("caseworker");
        var none = await Assert.ThrowsAsync<ReferralFlowException>(() => ForwardConfirmation.ConfirmAsync(harness.Runtime.Open,
            harness.Runtime.Library, harness.Runtime.Clock, referralId, awaiting.Id, "", caseworker, CancellationToken.None));
        Assert.Contains("Choose the organisation of the directory the address belongs to", none.Message);
        await ForwardConfirmation.ConfirmAsync(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock, referralId,
            awaiting.Id, "be-refuge", caseworker, CancellationToken.None);

        await using (var db = harness.Runtime.Open())
        {
            var handOff = await db.HandOffs.SingleAsync();
            Assert.Equal("help@other.example.org", handOff.AddressedEmail);
            Assert.Equal(ForwardStatus.Confirmed, (await db.HandOffForwards.SingleAsync()).Status);
            Assert.Single(await db.HeldRequests.Where(h => h.Status == HeldRequestStatus.Held).ToListAsync());
            Assert.Contains("confirmed by caseworker", (await db.History.SingleAsync(h => h.Kind == ReplyForwarding.ForwardedHistory)).Detail);
        }
        await Assert.ThrowsAsync<ReferralFlowException>(() => ForwardConfirmation.ConfirmAsync(harness.Runtime.Open,
            harness.Runtime.Library, harness.Runtime.Clock, referralId, awaiting.Id, "be-refuge", caseworker, CancellationToken.None));

        await harness.RecordAsync(referralId, "be-refuge");
        Assert.Equal(1, (await harness.Delivery().DeliverDueAsync()).Sent);
        await using var read = harness.Runtime.Open();
        var request = await read.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Request && m.Status == OutboxStatus.Sent && m.Id != firstRequest);
        Assert.Contains("help@other.example.org", harness.Mail(request.Id).Headers["to"]);
    }

    [Theory]
    [InlineData("help@other")]
    [InlineData("two@a.example.org, three@b.example.org")]
    [InlineData("not an address")]
    [InlineData("")]
    public void A_typed_address_must_be_one_plain_address_with_a_dotted_domain(string typed) =>
        Assert.NotNull(ForwardInput.Address(typed).Problem);

    private static string Token(string text) => ReplyLink().Match(text) is { Success: true } match ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("no reply link in the message:\n" + text);

    [GeneratedRegex("/reply/([A-Za-z0-9_-]+)")]
    private static partial Regex ReplyLink();
}
