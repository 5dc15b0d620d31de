using ReferralFlow.Engine.Execution;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ReferralFlow.Core.HandOffs;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Outbox;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Tasks;
using ReferralFlow.Core.Timers;

namespace ReferralFlow.Tests.Persistence;

public class UpgradeTests
{
    private const string Initial = "20261122080000_Initial";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrading_from_the_first_schema_keeps_every_row(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, "upgrade");
        var at = TestDatabase.Noon;
        var referralId = Guid.NewGuid();
        var tokenId = Guid.NewGuid();
        var task = new WorkTask
        {
            Id = Guid.NewGuid(), ReferralId = referralId, TokenId = tokenId, StepId = "assess", Title = "Assess needs",
            Role = "caseworker", Form = "assessment", Outcomes = ["eligible", "not-eligible"], CreatedAt = at,
            DueAt = at.AddDays(3),
        };
        var handOff = new HandOff
        {
            Id = Guid.NewGuid(), ReferralId = referralId, TokenId = tokenId, StepId = "ask-shelter", Partner = "receiving",
            Request = "accept-referral", Title = "Accept the referral?", Outcomes = ["accepted", "declined"],
            CreatedAt = at, DueAt = at.AddDays(2),
        };
        handOff.Answer("accepted", HandOffStatus.InProgress, at.AddHours(5), HandOffChannels.Phone, "coordinator");
        var timer = new DurableTimer
        {
            Id = Guid.NewGuid(), ReferralId = referralId, TokenId = tokenId, StepId = "ask-shelter",
            Purpose = TimerPurpose.Reminder, Rung = 1, DueAt = at.AddDays(1),
        };
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(), ReferralId = referralId, StepId = "ask-shelter", Kind = OutboxKinds.Request,
            Recipient = "receiving", Template = "accept-referral", HandOffId = handOff.Id,
            PayloadJson = """{"handOffId":"x"}""", CreatedAt = at, NextAttemptAt = at,
        };
        message.RetryAt(at.AddMinutes(5), "connection refused");
        var entry = new HistoryEntry { ReferralId = referralId, At = at, Kind = HistoryKinds.TaskCreated, StepId = "assess", Actor = "system" };

        await using (var db = database.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync(Initial);
            Assert.Equal("20261122090000_Incidents", (await DatabaseMigrator.PendingAsync(db, CancellationToken.None))[0]);

            // The referral row goes in as the first schema knew it (no open_incidents column yet).
            var startedAt = UtcDateTimeConverter.ToStore(at);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO referrals (id, case_code, workflow_id, workflow_version, status, outcome, state_json,
                    parent_referral_id, parent_token_id, started_at, closed_at, revision)
                VALUES ({referralId}, {"RF-2026-UPGRD"}, {"shelter-placement"}, {2}, {"Active"}, {null as string},
                    {"""{"tokens":[1]}"""}, {null as Guid?}, {null as Guid?}, {startedAt}, {null as DateTime?}, {7})
                """);
            // So does the hand-off (no sub_status column yet), in the state the answer above left it.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO hand_offs (id, referral_id, token_id, step_id, partner, request, title, outcomes, status,
                    created_at, due_at, answered_at, outcome, channel, answered_by)
                VALUES ({handOff.Id}, {referralId}, {tokenId}, {handOff.StepId}, {handOff.Partner}, {handOff.Request},
                    {handOff.Title}, {JsonSerializer.Serialize(handOff.Outcomes)}, {HandOffStatusCodes.ToCode(handOff.Status)},
                    {startedAt}, {UtcDateTimeConverter.ToStore(handOff.DueAt!.Value)}, {UtcDateTimeConverter.ToStore(handOff.AnsweredAt!.Value)},
                    {handOff.Outcome}, {handOff.Channel}, {handOff.AnsweredBy})
                """);
            db.AddRange(task, timer, message, entry);
            await db.SaveChangesAsync();
        }
        var before = Snapshot(task, handOff, timer, message, entry);

        await using (var db = database.Open())
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            Assert.Empty(await DatabaseMigrator.PendingAsync(db, CancellationToken.None));
        }

        await using (var db = database.Open())
        {
            var referral = await db.Referrals.SingleAsync();
            Assert.Equal((referralId, "RF-2026-UPGRD", "shelter-placement", 2), (referral.Id, referral.CaseCode, referral.WorkflowId, referral.WorkflowVersion));
            Assert.Equal((Core.Referrals.ReferralStatus.Active, (string?)null, """{"tokens":[1]}""", at, 7, 0),
                (referral.Status, referral.Outcome, referral.StateJson, referral.StartedAt, referral.Revision, referral.OpenIncidents));

            var after = Snapshot(
                await db.Tasks.SingleAsync(), await db.HandOffs.SingleAsync(), await db.Timers.SingleAsync(),
                await db.OutboxMessages.SingleAsync(), await db.History.SingleAsync());
            Assert.Equal(before, after);
            Assert.Empty(await db.Incidents.ToListAsync());
        }
    }

    private static string Snapshot(params object[] rows) =>
        string.Join("\n", rows.Select(row => JsonSerializer.Serialize(row, row.GetType())));
}
