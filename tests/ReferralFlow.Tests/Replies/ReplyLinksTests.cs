using ReferralFlow.Core.Acting;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core;
using ReferralFlow.Core.Replies;

namespace ReferralFlow.Tests.Replies;

public class ReplyLinksTests
{
    [Fact]
    public async Task Issuing_gives_one_link_per_answer_the_partner_can_choose_expiring_thirty_days_after_the_deadline()
    {
        await using var app = ReplyApp.Start();
        var contact = Guid.NewGuid();

        var reply = await app.NewCaseAsync(contact);

        // "timeout" is what the escalation ladder sets when the partner stays silent: no link for it.
        Assert.Equal(["accepted", "declined", "needs-information"], reply.Links.Select(l => l.Outcome));
        Assert.All(reply.Links, link => Assert.Matches("^http://localhost:5080/reply/[A-Za-z0-9_-]{43}$", link.Url));
        Assert.Equal(3, reply.Links.Select(l => l.Url).Distinct().Count());
        await using var db = app.App.OpenDb();
        var handOff = await db.HandOffs.SingleAsync(h => h.Id == reply.HandOffId);
        var tokens = await db.ReplyTokens.Where(t => t.HandOffId == reply.HandOffId).ToListAsync();
        Assert.All(tokens, t => Assert.Equal((contact, handOff.DueAt!.Value.AddDays(30), (DateTimeOffset?)null), (t.ContactId, t.ExpiresAt, t.UsedAt)));
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();

        await using var db = app.App.OpenDb();
        foreach (var link in reply.Links)
        {
            var token = reply.Token(link.Outcome);
            Assert.True(ReplyTokenText.IsWellFormed(token));
            Assert.Equal(link.Outcome, (await db.ReplyTokens.SingleAsync(t => t.TokenHash == ReplyTokenText.Hash(token))).Outcome);
        }
        var everything = await DumpAsync(db);
        Assert.All(reply.Links, link => Assert.DoesNotContain(reply.Token(link.Outcome), everything));
    }

    [Fact]
    public async Task A_closed_request_gets_no_links()
    {
        await using var app = ReplyApp.Start();
        var reply = await app.NewCaseAsync();
        await app.Runtime.AnswerHandOffAsync(reply.HandOffId, "accepted", new Dictionary<string, System.Text.Json.Nodes.JsonNode?>(), Actor.Operator("caseworker"), "phone");

        await using var db = app.App.OpenDb();
        var refused = await Assert.ThrowsAsync<ReferralFlowException>(() => app.Links.IssueAsync(db, reply.HandOffId, null, CancellationToken.None));
        Assert.Contains("completed", refused.Message);
    }

    /// <summary>Every value of every row of every table, as text.</summary>
    private static async Task<string> DumpAsync(Core.Persistence.ReferralFlowDb db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = Command(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var select = Command(connection, $"SELECT * FROM \"{table}\"");
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.GetValue(i)).Append('\n');
        }
        return text.ToString();
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
