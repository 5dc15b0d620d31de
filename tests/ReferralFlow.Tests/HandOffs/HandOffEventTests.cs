using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Protection;
using ReferralFlow.Core.Queries;
using ReferralFlow.Core.Replies;
using ReferralFlow.Tests.Infrastructure;
using ReferralFlow.Tests.Persistence;
using ReferralFlow.Tests.Replies;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.HandOffs;

/// <summary>DESIGN.md §5: every change of a hand-off is timestamped and attributed — the partner's link, staff on the
/// partner's behalf with the channel, the timer, the procedure. Each kind of change writes exactly one event.</summary>
public class HandOffEventTests
{
    private static readonly Dictionary<string, JsonNode?> NoData = [];

    private static ReplyLinks Links(RuntimeHarness harness) =>
        new(new Uri("https://referrals.example.org/rf/"), harness.Library, harness.Clock);

    private static async Task<List<HandOffEvent>> EventsAsync(RuntimeHarness harness, Guid handOffId)
    {
        await using var db = harness.Open();
        return await db.HandOffEvents.AsNoTracking().Where(e => e.HandOffId == handOffId).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>The events after the request was opened (the first event, by the procedure).</summary>
    private static async Task<List<HandOffEvent>> ChangesAsync(RuntimeHarness harness, Guid handOffId)
    {
        var events = await EventsAsync(harness, handOffId);
        var requested = events[0];
        Assert.Equal((HandOffChanges.Requested, "requested", HandOffActorKinds.System), (requested.Change, requested.Status, requested.ActorKind));
        Assert.Equal(RuntimeHarness.Start, requested.At);
        return events[1..];
    }

    [Fact]
    public async Task Opening_a_link_and_answering_through_it_write_one_event_each_attributed_to_the_contact()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "events_link");
        var contact = Guid.NewGuid();
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness), contact);

        harness.Clock.Advance(TimeSpan.FromHours(3));
        await new ReplyOpening(harness.Open, harness.Clock).OpenAsync(reply.Token("accepted"), CancellationToken.None);
        await new ReplyOpening(harness.Open, harness.Clock).OpenAsync(reply.Token("declined"), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await new ReplySubmission(harness.Runtime, harness.Protector, harness.Clock).SubmitAsync(reply.Token("accepted"),
            new Dictionary<string, string?> { ["contactPerson"] = "Duty officer" }, CancellationToken.None);

        var changes = await ChangesAsync(harness, reply.HandOffId);
        Assert.Equal(2, changes.Count);
        var (received, answered) = (changes[0], changes[1]);
        Assert.Equal((HandOffChanges.Received, "received", RuntimeHarness.Start.AddHours(3)), (received.Change, received.Status, received.At));
        Assert.Equal((HandOffChanges.Answered, "completed", "accepted", RuntimeHarness.Start.AddHours(4)),
            (answered.Change, answered.Status, answered.Outcome, answered.At));
        Assert.All(changes, e => Assert.Equal(
            (HandOffActorKinds.Link, $"contact:{contact:D}", (Guid?)contact, "link"), (e.ActorKind, e.Actor, e.ContactId, e.Channel)));
        // The partner's free text stays in the reply answer, never in the change log.
        Assert.All(changes, e => Assert.Null(e.ProtectedNote));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_answer_recorded_by_staff_writes_one_event_with_the_staff_member_and_the_channel(string provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, "events_staff");
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));

        harness.Clock.Advance(TimeSpan.FromDays(2));
        await harness.Runtime.AnswerHandOffAsync(reply.HandOffId, "declined", NoData, Actor.Operator("m.ionescu"), HandOffChannels.Phone);

        var answered = Assert.Single(await ChangesAsync(harness, reply.HandOffId));
        Assert.Equal((HandOffChanges.Answered, "rejected", "declined", RuntimeHarness.Start.AddDays(2)),
            (answered.Change, answered.Status, answered.Outcome, answered.At));
        Assert.Equal((HandOffActorKinds.Staff, "m.ionescu", (Guid?)null, "phone"),
            (answered.ActorKind, answered.Actor, answered.ContactId, answered.Channel));
    }

    [Fact]
    public async Task A_deadline_that_runs_out_writes_one_expired_event_by_the_timer()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "events_timer");
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));

        // Reminders and escalations go out on the way; only the last rung changes the hand-off.
        harness.Clock.Advance(TimeSpan.FromDays(40));
        Assert.True(await harness.Worker.DrainAsync() >= 5);

        var expired = Assert.Single(await ChangesAsync(harness, reply.HandOffId));
        Assert.Equal((HandOffChanges.Expired, "failed", "timeout"), (expired.Change, expired.Status, expired.Outcome));
        Assert.Equal((HandOffActorKinds.Timer, "timer", (string?)null), (expired.ActorKind, expired.Actor, expired.Channel));
        await using var db = harness.Open();
        var handOff = await db.HandOffs.SingleAsync(h => h.Id == reply.HandOffId);
        Assert.Equal(handOff.AnsweredAt, expired.At);
    }

    [Fact]
    public async Task Withdrawing_the_referral_writes_one_cancelled_event_attributed_to_who_withdrew_it()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "events_withdraw");
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));

        harness.Clock.Advance(TimeSpan.FromHours(5));
        await harness.Runtime.WithdrawAsync(reply.ReferralId, Actor.Operator("coordinator"));

        var cancelled = Assert.Single(await ChangesAsync(harness, reply.HandOffId));
        Assert.Equal((HandOffChanges.Cancelled, "cancelled", RuntimeHarness.Start.AddHours(5)), (cancelled.Change, cancelled.Status, cancelled.At));
        Assert.Equal((HandOffActorKinds.Staff, "coordinator"), (cancelled.ActorKind, cancelled.Actor));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Progress_sets_the_sub_status_and_writes_one_attributed_event_with_the_note_encrypted_and_audited(string provider)
    {
        await using var harness = await RuntimeHarness.CreateAsync(provider, "events_progress");
        using var keys = new TempDirectory("rf-keys");
        var protector = PersonalDataProtector.ForKeys(keys.Combine("keys"));
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));
        var progress = new HandOffProgress(harness.Open, harness.Clock, protector);
        const string note = "Escort Ioana Vasilescu met the person at Otopeni";

        harness.Clock.Advance(TimeSpan.FromDays(1));
        await progress.RecordAsync(new ProgressReport(reply.HandOffId, "documents-pending"), Actor.Operator("caseworker"));
        harness.Clock.Advance(TimeSpan.FromDays(1));
        await progress.RecordAsync(new ProgressReport(reply.HandOffId, "In-Transit", "phone", note), Actor.Operator("m.ionescu"));

        var changes = await ChangesAsync(harness, reply.HandOffId);
        Assert.Equal(2, changes.Count);
        Assert.Equal((HandOffChanges.Progress, "requested", "documents-pending", HandOffActorKinds.Staff, "caseworker", (string?)null),
            (changes[0].Change, changes[0].Status, changes[0].SubStatus, changes[0].ActorKind, changes[0].Actor, changes[0].Channel));
        Assert.Null(changes[0].ProtectedNote);
        Assert.Equal((HandOffChanges.Progress, "in-progress", "in-transit", "m.ionescu", "phone", RuntimeHarness.Start.AddDays(2)),
            (changes[1].Change, changes[1].Status, changes[1].SubStatus, changes[1].Actor, changes[1].Channel, changes[1].At));
        Assert.DoesNotContain("Vasilescu", changes[1].ProtectedNote);
        Assert.Equal(note, protector.Unprotect(changes[1].ProtectedNote!));

        await using var db = harness.Open();
        var handOff = await db.HandOffs.SingleAsync(h => h.Id == reply.HandOffId);
        Assert.Equal((HandOffStatus.InProgress, "in-transit"), (handOff.Status, handOff.SubStatus));
        Assert.Equal(["documents-pending", "in-transit (phone)"], await db.History
            .Where(h => h.ReferralId == reply.ReferralId && h.Kind == HandOffProgress.HistoryKind).OrderBy(h => h.Id).Select(h => h.Detail!).ToListAsync());
        var recorded = Assert.Single(await db.AuditEntries.Where(a => a.ReferralId == reply.ReferralId).ToListAsync());
        Assert.Equal((HandOffProgress.NoteRecorded, "m.ionescu"), (recorded.Action, recorded.Actor));

        // Showing the timeline reads no note; reading the notes decrypts them and is audited.
        var details = (await HandOffQueries.ShowAsync(db, reply.HandOffId))!;
        Assert.Equal(("in-progress", "in-transit"), (details.HandOff.Status, details.HandOff.SubStatus));
        Assert.Equal([false, false, true], details.Events.Select(e => e.HasNote));
        Assert.All(details.Events, e => Assert.Null(e.Note));
        var read = await HandOffNotes.ReadAsync(db, details, protector, Actor.System("coordinator", "test"), harness.Clock.GetUtcNow());
        Assert.Equal(note, read.Events[2].Note);
        Assert.Equal([HandOffProgress.NoteRecorded, HandOffProgress.NoteRead],
            await db.AuditEntries.Where(a => a.ReferralId == reply.ReferralId).OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());

        // The answer still comes through the procedure, and the sub-status stays as the last progress known.
        await harness.Runtime.AnswerHandOffAsync(reply.HandOffId, "accepted", NoData, Actor.Operator("m.ionescu"), HandOffChannels.Email);
        Assert.Equal(("completed", "in-transit"), (await EventsAsync(harness, reply.HandOffId))[^1] is var last ? (last.Status, last.SubStatus) : default);
    }

    [Fact]
    public async Task Progress_is_refused_on_a_closed_hand_off_on_an_unknown_sub_status_and_on_a_repeat_changing_nothing()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "events_refused");
        var reply = await ReplyCase.AtAcceptReferralAsync(harness.Runtime, Links(harness));
        var progress = new HandOffProgress(harness.Open, harness.Clock);

        var typo = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            progress.RecordAsync(new ProgressReport(reply.HandOffId, "in-tranist"), Actor.Operator("caseworker")));
        Assert.Equal("Unknown sub-status 'in-tranist'; did you mean 'in-transit'?", typo.Message);
        var channel = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            progress.RecordAsync(new ProgressReport(reply.HandOffId, "in-transit", "phnoe"), Actor.Operator("caseworker")));
        Assert.Equal("Unknown channel 'phnoe'; did you mean 'phone'?", channel.Message);

        await progress.RecordAsync(new ProgressReport(reply.HandOffId, "handed-over"), Actor.Operator("caseworker"));
        var repeat = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            progress.RecordAsync(new ProgressReport(reply.HandOffId, "handed-over"), Actor.Operator("caseworker")));
        Assert.Contains("is already handed-over: nothing to record", repeat.Message);

        await harness.Runtime.AnswerHandOffAsync(reply.HandOffId, "accepted", NoData, Actor.Operator("caseworker"), HandOffChannels.Phone);
        var before = await EventsAsync(harness, reply.HandOffId);
        var closed = await Assert.ThrowsAsync<ReferralFlowException>(() =>
            progress.RecordAsync(new ProgressReport(reply.HandOffId, "in-transit"), Actor.Operator("caseworker")));
        Assert.EndsWith($"of {reply.CaseCode} is completed (accepted): " +
            "progress is recorded on open hand-offs only; see its timeline with 'referralflow handoffs show'.", closed.Message);
        Assert.Equal(before.Count, (await EventsAsync(harness, reply.HandOffId)).Count);
        Assert.Equal(["requested", "progress", "answered"], before.Select(e => e.Change));
    }
}
