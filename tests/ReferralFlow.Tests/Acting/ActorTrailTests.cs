using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Acting;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Tests.Runtime;

namespace ReferralFlow.Tests.Acting;

/// <summary>Issue 8 §3: every audit entry, history entry and hand-off event names the one actor the runner carries.</summary>
public class ActorTrailTests
{
    private static readonly Guid UserId = Guid.Parse("0191f3a0-0000-7000-8000-000000000001");
    private static readonly Guid OrganisationId = Guid.Parse("0191f3a0-0000-7000-8000-000000000002");
    private static readonly Guid HandOffId = Guid.Parse("0191f3a0-0000-7000-8000-000000000003");
    private static readonly Guid ContactId = Guid.Parse("0191f3a0-0000-7000-8000-000000000004");

    public static TheoryData<string, string, string, string, string?> Kinds() => new()
    {
        // kind, audit actor, audit source, hand-off actor kind, hand-off actor
        { "user", "j.moreau", "web 10.0.0.7 organisation 0191f3a0-0000-7000-8000-000000000002", HandOffActorKinds.Staff, "j.moreau" },
        { "link", $"contact:{ContactId:D}", "link", HandOffActorKinds.Link, $"contact:{ContactId:D}" },
        { "timer", "timer", "worker", HandOffActorKinds.Timer, "timer" },
        { "operator", "ana", "cli", HandOffActorKinds.Staff, "ana" },
        { "outbox", "outbox", "worker", HandOffActorKinds.Staff, "outbox" },
    };

    private static Actor Of(string kind) => kind switch
    {
        "user" => Actor.User(UserId, "j.moreau", OrganisationId, "10.0.0.7"),
        "link" => Actor.ReplyLink(HandOffId, ContactId),
        "timer" => Actor.Timer,
        "operator" => Actor.Operator("ana"),
        _ => Actor.Outbox,
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_of_actor_is_named_by_the_audit_entry_and_the_hand_off_event_written_under_it(
        string kind, string auditActor, string auditSource, string eventKind, string? eventActor)
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", $"actor_{kind}");

        await Transactions.RunAsync(harness.Open, Of(kind), unit =>
        {
            AuditTrail.Record(unit.Db, unit.Actor, "test.action", null, "subject", harness.Clock.GetUtcNow());
            return Task.CompletedTask;
        }, CancellationToken.None);

        await using var db = harness.Open();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "test.action");
        Assert.Equal((auditActor, auditSource), (entry.Actor, entry.Source));
        var attribution = Of(kind).Attribution(kind == "link" ? HandOffChannels.Link : HandOffChannels.Phone);
        Assert.Equal((eventKind, eventActor), (attribution.Kind, attribution.Actor));
    }

    [Fact]
    public void The_command_line_operator_is_the_operating_system_user()
    {
        var actor = Actor.CurrentOperator();
        Assert.Equal((Environment.UserName, "cli"), (actor.Name, actor.Source));
    }

    [Fact]
    public async Task A_signed_in_user_recording_an_answer_by_phone_is_named_in_history_and_in_the_hand_off_event()
    {
        await using var harness = await RuntimeHarness.CreateAsync("sqlite", "actor_user_answer");
        var started = await harness.Runtime.StartAsync("court-appearance", new Dictionary<string, JsonNode?>(), Actor.Operator("ana"));
        Guid handOffId;
        await using (var db = harness.Open())
            handOffId = (await db.HandOffs.SingleAsync(h => h.ReferralId == started.Id)).Id;

        await harness.Runtime.AnswerHandOffAsync(handOffId, "informed", new Dictionary<string, JsonNode?>(),
            Actor.User(UserId, "j.moreau", OrganisationId, "10.0.0.7"), HandOffChannels.Phone);

        await using var check = harness.Open();
        var answered = await check.HandOffEvents.SingleAsync(e => e.HandOffId == handOffId && e.Change == HandOffChanges.Answered);
        Assert.Equal((HandOffActorKinds.Staff, "j.moreau", HandOffChannels.Phone), (answered.ActorKind, answered.Actor, answered.Channel));
        Assert.Contains("j.moreau", await check.History.Where(h => h.ReferralId == started.Id).Select(h => h.Actor).ToListAsync());
    }
}
