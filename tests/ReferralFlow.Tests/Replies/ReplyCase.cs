using ReferralFlow.Core.Acting;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Replies;
using ReferralFlow.Core.Runtime;
using ReferralFlow.Core.Tasks;

namespace ReferralFlow.Tests.Replies;

/// <summary>A real transnational return carried through its caseworker tasks until the receiving organisation is
/// asked to accept the referral, with reply links issued for that request.</summary>
internal sealed record ReplyCase(Guid ReferralId, string CaseCode, Guid HandOffId, IReadOnlyList<ReplyLink> Links)
{
    public ReplyLink Link(string outcome) => Links.Single(l => l.Outcome == outcome);

    public string Path(string outcome) => new Uri(Link(outcome).Url).AbsolutePath;

    public string Token(string outcome) => Link(outcome).Url[(Link(outcome).Url.LastIndexOf('/') + 1)..];

    public static async Task<ReplyCase> AtAcceptReferralAsync(ReferralRuntime runtime, ReplyLinks links, Guid? contactId = null)
    {
        var started = await runtime.StartAsync("transnational-return", new Dictionary<string, JsonNode?>(), Actor.Operator("test"));
        await CompleteAsync(runtime, started.Id, "intake-identification", "identified", ("referral.source", "ngo"));
        await CompleteAsync(runtime, started.Id, "risk-needs-assessment", "assessed", ("risk.level", "low"));
        await CompleteAsync(runtime, started.Id, "informed-choice", "return");

        await using var db = runtime.OpenDb();
        var handOff = await db.HandOffs.SingleAsync(h => h.ReferralId == started.Id && h.StepId == "accept-referral");
        // As the mail worker will: issue inside its own transaction, then send.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var issued = await links.IssueAsync(db, handOff.Id, contactId, CancellationToken.None);
        await transaction.CommitAsync();
        return new ReplyCase(started.Id, started.CaseCode, handOff.Id, issued);
    }

    private static async Task CompleteAsync(ReferralRuntime runtime, Guid referralId, string step, string outcome, params (string Name, string Value)[] data)
    {
        Guid taskId;
        await using (var db = runtime.OpenDb())
            taskId = await db.Tasks.Where(t => t.ReferralId == referralId && t.StepId == step && t.Status == WorkTaskStatus.Open)
                .Select(t => t.Id).SingleAsync();
        await runtime.CompleteTaskWithoutFormAsync(taskId, outcome, data.ToDictionary(d => d.Name, d => (JsonNode?)JsonValue.Create(d.Value)), Actor.Operator("test"));
    }

    /// <summary>Everything a reply can change, to compare before and after a refused one.</summary>
    public async Task<string> SnapshotAsync(Func<ReferralFlowDb> open)
    {
        await using var db = open();
        var handOff = await db.HandOffs.AsNoTracking().SingleAsync(h => h.Id == HandOffId);
        var referral = await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == ReferralId);
        return string.Join(" | ",
            $"{handOff.Status} {handOff.Outcome} {handOff.Channel}",
            $"rev {referral.Revision}",
            $"used {await db.ReplyTokens.CountAsync(t => t.HandOffId == HandOffId && t.UsedAt != null)}",
            $"answers {await db.ReplyAnswers.CountAsync(a => a.HandOffId == HandOffId)}",
            $"outbox {await db.OutboxMessages.CountAsync(m => m.ReferralId == ReferralId)}",
            $"history {await db.History.CountAsync(h => h.ReferralId == ReferralId)}",
            $"open tasks {await db.Tasks.CountAsync(t => t.ReferralId == ReferralId && t.Status == WorkTaskStatus.Open)}");
    }
}
