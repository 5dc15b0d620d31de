using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Replies;
using ReferralFlow.Tests.Consent;
using ReferralFlow.Tests.Mail;
using ReferralFlow.Tests.Persistence;

namespace ReferralFlow.Tests.Forwarding;

/// <summary>Issue 9 §2: reassigning a role while a request to it is open moves the request, in one transaction: the old
/// recipient is told and its links stop working, the new one is asked through the consent gate, and history says why.</summary>
public partial class ReassignmentTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_open_request_follows_the_role_to_the_new_organisation_and_the_old_one_is_told(string provider)
    {
        await using var harness = await ConsentHarness.CreateAsync(provider, "reassign_follow");
        var referral = await harness.StartAsync("fr-foyer");
        await harness.RecordAsync(referral.Id, "fr-foyer");
        await harness.ReachRequestAsync(referral.Id);
        var smtp = MailHarness.RealServer();
        Assert.Equal(1, (await harness.Delivery(smtp).DeliverDueAsync()).Sent);
        Guid firstRequest;
        await using (var db = harness.Runtime.Open())
            firstRequest = (await db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Request)).Id;
        var oldLink = Token(Assert.Single(MailHarness.Delivered([firstRequest])));

        await RoleReassignment.AssignAsync(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock, referral.Id,
            "receiving", "be-refuge", Actor.Operator("coordinator"));

        Guid noticeId;
        Organisation foyer, refuge;
        await using (var db = harness.Runtime.Open())
        {
            foyer = await db.Organisations.SingleAsync(o => o.Key == "fr-foyer");
            refuge = await db.Organisations.SingleAsync(o => o.Key == "be-refuge");
            var handOff = await db.HandOffs.SingleAsync();
            Assert.Equal((HandOffStatus.Requested, null), (handOff.Status, handOff.AddressedOrganisationId));
            var moved = await db.HandOffEvents.SingleAsync(e => e.Change == HandOffChanges.Reassigned);
            Assert.Equal((foyer.Id, refuge.Id, "staff", "coordinator"), (moved.FromOrganisationId, moved.ToOrganisationId, moved.ActorKind, moved.Actor));
            var entry = await db.History.SingleAsync(h => h.Kind == RoleReassignment.HistoryKind);
            Assert.Equal("'accept-referral' reassigned from Foyer Lumière (fr-foyer) to Refuge Bruxelles (be-refuge) by coordinator: " +
                "the 'receiving' role was given to be-refuge", entry.Detail);
            // No consent covers the new organisation yet: the request to it is held, as any request would be.
            var held = await db.HeldRequests.SingleAsync(h => h.Status == Core.Consent.HeldRequestStatus.Held);
            Assert.Equal(refuge.Id, held.OrganisationId);
            var notice = await db.OutboxMessages.SingleAsync(m => m.Kind == OutboxKinds.Notice);
            noticeId = notice.Id;
            Assert.Equal((HandOffAddressee.Organisation(foyer.Id), "request-moved"), (notice.Recipient, notice.Template));
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == OutboxKinds.Request));
        }

        var opened = await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(oldLink, CancellationToken.None);
        Assert.IsType<ReplyResult.Moved>(opened);
        Assert.Equal(1, (await harness.Delivery(smtp).DeliverDueAsync()).Sent);
        var told = Assert.Single(MailHarness.Delivered([noticeId]));
        Assert.Contains("accueil@foyer-lumiere.example.org", told.Headers["to"]);
        Assert.Equal($"{referral.CaseCode}: request withdrawn – acceptance of the referral and support for the person", told.Subject);
        Assert.DoesNotContain("/reply/", told.Text);

        await harness.RecordAsync(referral.Id, "be-refuge");
        Assert.Equal(1, (await harness.Delivery(smtp).DeliverDueAsync()).Sent);
        Guid secondRequest;
        await using (var db = harness.Runtime.Open())
            secondRequest = (await db.OutboxMessages.Where(m => m.Kind == OutboxKinds.Request && m.Id != firstRequest).SingleAsync()).Id;
        var asked = Assert.Single(MailHarness.Delivered([secondRequest]));
        Assert.Contains("intake@refuge.example.org", asked.Headers["to"]);
        Assert.IsType<ReplyResult.Open>(await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(Token(asked), CancellationToken.None));
        Assert.IsType<ReplyResult.Moved>(await new ReplyOpening(harness.Runtime.Open, harness.Runtime.Clock).OpenAsync(oldLink, CancellationToken.None));
    }

    [Fact]
    public async Task Reassigning_a_role_with_no_open_request_moves_nothing_and_tells_nobody()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "reassign_idle");
        var referral = await harness.StartAsync("fr-foyer");

        await RoleReassignment.AssignAsync(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock, referral.Id,
            "receiving", "be-refuge", Actor.Operator("coordinator"));

        await using var db = harness.Runtime.Open();
        Assert.False(await db.OutboxMessages.AnyAsync());
        Assert.False(await db.History.AnyAsync(h => h.Kind == RoleReassignment.HistoryKind));
        Assert.Equal("be-refuge", (await PartnerAssignments.OrganisationForAsync(db, referral.Id, "receiving"))!.Key);
    }

    [Fact]
    public async Task The_organisation_a_request_moved_away_from_no_longer_sees_the_referral()
    {
        await using var harness = await ConsentHarness.CreateAsync("sqlite", "reassign_visibility");
        var referral = await harness.StartAsync("fr-foyer");
        await harness.RecordAsync(referral.Id, "fr-foyer");
        await harness.ReachRequestAsync(referral.Id);
        Assert.Equal(1, (await harness.Delivery().DeliverDueAsync()).Sent);
        Guid foyer;
        await using (var db = harness.Runtime.Open())
            foyer = await db.Organisations.Where(o => o.Key == "fr-foyer").Select(o => o.Id).SingleAsync();
        var foyerCaseworker = new Core.Access.StaffMember(Guid.NewGuid(), "cw@foyer", foyer, new HashSet<string> { Core.Access.StaffRoles.Caseworker });
        await using (var db = harness.Runtime.Open())
        {
            Assert.True((await Core.Access.ReferralAccess.ForAsync(db, foyerCaseworker, referral.Id, harness.Now, CancellationToken.None)).MaySee);
            Assert.Equal(1, await Core.Access.ReferralAccess.HandOffs(db, foyerCaseworker).CountAsync());
        }

        await RoleReassignment.AssignAsync(harness.Runtime.Open, harness.Runtime.Library, harness.Runtime.Clock, referral.Id,
            "receiving", "be-refuge", Actor.Operator("coordinator"));

        await using var after = harness.Runtime.Open();
        Assert.False((await Core.Access.ReferralAccess.ForAsync(after, foyerCaseworker, referral.Id, harness.Now, CancellationToken.None)).MaySee);
        Assert.Equal(0, await Core.Access.ReferralAccess.HandOffs(after, foyerCaseworker).CountAsync());
        Assert.False(await Core.Access.ReferralAccess.Visible(after, foyerCaseworker).AnyAsync());
    }

    private static string Token(MailFile mail) => ReplyLink().Match(mail.Text) is { Success: true } match ? match.Groups[1].Value
        : throw new Xunit.Sdk.XunitException("no reply link in the message:\n" + mail.Text);

    [GeneratedRegex("/reply/([A-Za-z0-9_-]+)")]
    private static partial Regex ReplyLink();
}
