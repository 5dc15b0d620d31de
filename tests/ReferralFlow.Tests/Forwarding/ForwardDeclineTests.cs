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
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Forwarding;

/// <summary>Issue 9 §2: the sending caseworker declines an address a partner proposed. The partner said it cannot help,
/// so the request does not go back to it: nobody is asked, nothing is lost, and the caseworker sends it to an organisation
/// of the directory (or reassigns the role).</summary>
public partial class ForwardDeclineTests
{
    private static readonly Actor Caseworker = Actor.Operator("caseworker");

    /// <summary>A referral whose request reached Foyer Lumière through the real SMTP server, and Foyer's proposal of an
    /// address outside the directory from that e-mail's reply link.</summary>
    internal static async Task<(Guid ReferralId, string Token, Guid FirstRequest, AwaitingForward Proposal)> ProposedAsync(ConsentHarness harness)
    {
        var referral = await harness.StartAsync("fr-foyer");
        await harness.RecordAsync(referral.Id, "fr-foyer");
        await harness.ReachRequestAsync(referral.Id);
        Assert.Equal(1, (await harness.Delivery(MailHarness.RealServer()).DeliverDueAsync()).Sent);
        await using var db = harness.Runtime.Open();
        var request = await db.OutboxMessages.Where(m => m.ReferralId == referral.Id && m.Kind == OutboxKinds.Request).Select(m => m.Id).SingleAsync();
        var token = Token(Assert.Single(MailHarness.Delivered([request])));
        Assert.IsType<ForwardResult.Proposed>(await new ReplyForwarding(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock)
            .ForwardAsync(token, null, "help@other.example.org", null, CancellationToken.None));
        return (referral.Id, token, request, Assert.Single(await ForwardConfirmation.AwaitingAsync(db, referral.Id, CancellationToken.None)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_declined_address_leaves_the_request_open_with_nobody_asked_until_the_caseworker_sends_it_to_an_organisation(string provider)
    {
        await using var harness = await ConsentHarness.CreateAsync(provider, "forward_decline");
        var (referralId, token, firstRequest, proposal) = await ProposedAsync(harness);

        var said = await ForwardDecline.DeclineAsync(harness.Runtime.Open, harness.Runtime.Clock, referralId, proposal.Id, Caseworker, CancellationToken.None);

        Assert.StartsWith("The address Foyer Lumière (fr-foyer) proposed was declined. Nobody is asked", said);
        await using (var db = harness.Runtime.Open())
        {
            var forward = await db.HandOffForwards.SingleAsync();
            Assert.Equal((ForwardStatus.Declined, "caseworker"), (forward.Status, forward.DecidedBy));
            var handOff = await db.HandOffs.SingleAsync();
            Assert.True(handOff.IsOpen);
            Assert.Equal((null, null), (handOff.AddressedOrganisationId, handOff.AddressedEmail));
            var declined = await db.HandOffEvents.SingleAsync(e => e.Change == HandOffChanges.ForwardDeclined);
            Assert.Equal((HandOffActorKinds.Staff, "caseworker", forward.FromOrganisationId), (declined.ActorKind, declined.Actor, declined.FromOrganisationId));
            var entry = await db.History.SingleAsync(h => h.Kind == ForwardDecline.DeclinedHistory);
            Assert.StartsWith("'accept-referral': the address Foyer Lumière (fr-foyer) proposed was declined by caseworker; nobody is asked", entry.Detail);
            Assert.DoesNotContain(await db.History.ToListAsync(), h => h.Detail?.Contains("other.example.org") == true);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == ForwardDecline.DeclinedAudit);
            Assert.Equal((referralId, $"forward {forward.Id:D}"), (audit.ReferralId, audit.Subject));
            // Nothing went anywhere: the first request and the sender's forward notice only.
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Request));
            var unasked = Assert.Single(await ForwardDecline.UnaskedAsync(db, referralId, CancellationToken.None));
            Assert.Equal((handOff.Id, "fr-foyer", "receiving"), (unasked.HandOffId, unasked.FromKey, unasked.Role));
        }
        Assert.IsType<ReplyResult.Moved>(await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(token, CancellationToken.None));
        var again = await Assert.ThrowsAsync<ReferralFlowException>(() => ForwardDecline.DeclineAsync(harness.Runtime.Open, harness.Runtime.Clock,
            referralId, proposal.Id, Caseworker, CancellationToken.None));
        Assert.Equal("This forward was already declined; nothing was changed.", again.Message);
        await Assert.ThrowsAsync<ReferralFlowException>(() => ForwardConfirmation.ConfirmAsync(harness.Runtime.Open, harness.Runtime.Library,
            harness.Runtime.Clock, referralId, proposal.Id, "be-refuge", Caseworker, CancellationToken.None));

        Task<string> Send(string organisation) => RequestSending.SendAsync(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock,
            referralId, proposal.HandOffId, organisation, Caseworker, CancellationToken.None);
        Assert.Equal("Foyer Lumière said it cannot help with this request; choose another organisation.",
            (await Assert.ThrowsAsync<ReferralFlowException>(() => Send("fr-foyer"))).Message);
        Assert.Equal("Choose the organisation of the directory to send the request to.",
            (await Assert.ThrowsAsync<ReferralFlowException>(() => Send(" "))).Message);

        Assert.Contains("goes to Refuge Bruxelles (held until consent covers be-refuge", await Send("be-refuge"));

        await using (var db = harness.Runtime.Open())
        {
            var refuge = await db.Organisations.SingleAsync(o => o.Key == "be-refuge");
            Assert.Equal(refuge.Id, (await db.HandOffs.SingleAsync()).AddressedOrganisationId);
            var sent = await db.HandOffForwards.SingleAsync(f => f.Status == ForwardStatus.Forwarded);
            Assert.Equal((proposal.HandOffId, refuge.Id, "caseworker", null), (sent.HandOffId, sent.ToOrganisationId, sent.DecidedBy, sent.FromContactId));
            Assert.Contains("sent to Refuge Bruxelles (be-refuge) by caseworker, as Foyer Lumière (fr-foyer) cannot help",
                (await db.History.SingleAsync(h => h.Kind == ReplyForwarding.ForwardedHistory)).Detail);
            Assert.Single(await db.AuditEntries.Where(a => a.Action == RequestSending.SentAudit).ToListAsync());
            // The consent gate applies to the organisation chosen, as to any request.
            Assert.Equal(refuge.Id, (await db.HeldRequests.SingleAsync(h => h.Status == HeldRequestStatus.Held)).OrganisationId);
            Assert.Empty(await ForwardDecline.UnaskedAsync(db, referralId, CancellationToken.None));
        }
        Assert.Contains("has not said it cannot help", (await Assert.ThrowsAsync<ReferralFlowException>(() => Send("be-refuge"))).Message);

        await harness.RecordAsync(referralId, "be-refuge");
        // The request to the refuge, and the sender's notice of the forward.
        Assert.Equal(2, (await harness.Delivery(MailHarness.RealServer()).DeliverDueAsync()).Sent);
        Guid second;
        await using (var db = harness.Runtime.Open())
            second = await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Request && m.Id != firstRequest).Select(m => m.Id).SingleAsync();
        var asked = Assert.Single(MailHarness.Delivered([second]));
        Assert.Contains("intake@refuge.example.org", asked.Headers["to"]);
        Assert.IsType<ReplyResult.Open>(await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(Token(asked), CancellationToken.None));
    }

    internal static string Token(MailFile mail) => ReplyLink().Match(mail.Text) is { Success: true } match ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("no reply link in the message:\n" + mail.Text);

    [GeneratedRegex("/reply/([A-Za-z0-9_-]+)")]
    private static partial Regex ReplyLink();
}
