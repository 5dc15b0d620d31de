using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.History;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Referrals;

/// <summary>The stage vocabulary (kebab-case words, as the CLI and the history write them), the changes practice
/// allows, and the use case that makes one.</summary>
public static class ReferralStages
{
    public const string HistoryKind = "stage-changed";

    /// <summary>Forward one phase at a time, since each phase's work is the next one's precondition (no travel without
    /// an assessment, REQ-18); back one where practice goes back: a person who changes their mind or a changed risk
    /// sends pre-departure back to assessment (L7339, L5205), postponed travel goes back to pre-departure. Closed is
    /// reached only when the referral ends (<see cref="Referral.Close"/>, <see cref="Referral.Withdraw"/>).</summary>
    private static readonly Dictionary<ReferralStage, ReferralStage[]> Allowed = new()
    {
        [ReferralStage.Identification] = [ReferralStage.Assessment],
        [ReferralStage.Assessment] = [ReferralStage.PreDeparture],
        [ReferralStage.PreDeparture] = [ReferralStage.Travel, ReferralStage.Assessment],
        [ReferralStage.Travel] = [ReferralStage.Arrival, ReferralStage.PreDeparture],
        [ReferralStage.Arrival] = [ReferralStage.Monitoring],
        [ReferralStage.Monitoring] = [],
        [ReferralStage.Closed] = [],
    };

    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<ReferralStage>().Select(Name)];

    public static IReadOnlyList<ReferralStage> AllowedFrom(ReferralStage stage) => Allowed[stage];

    /// <summary>"pre-departure" for <see cref="ReferralStage.PreDeparture"/>.</summary>
    public static string Name(ReferralStage stage) => ReferralFlowDb.SnakeCase(stage.ToString()).Replace('_', '-');

    public static ReferralStage Parse(string text)
    {
        var word = text.Trim().ToLowerInvariant();
        foreach (var stage in Enum.GetValues<ReferralStage>())
            if (Name(stage) == word) return stage;
        throw new ReferralFlowException($"'{text}' is not a stage{Suggestions.Hint(word, All)}");
    }

    /// <summary>Moves an active referral to <paramref name="target"/> if practice allows it from where it stands, with a
    /// history line; refused (nothing changed) otherwise.</summary>
    public static async Task<(ReferralStage From, ReferralStage To)> ChangeAsync(
        ReferralFlowDb db, Guid referralId, ReferralStage target, string actor, DateTimeOffset at, CancellationToken ct = default)
    {
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, ct)
            ?? throw new ReferralFlowException($"No referral {referralId}; list them with 'referralflow referrals list'.");
        var from = referral.Stage;
        referral.MoveTo(target);
        db.History.Add(new HistoryEntry
        {
            ReferralId = referralId, At = at, Kind = HistoryKind, Actor = actor, Detail = $"{Name(from)} → {Name(target)}",
        });
        await db.SaveChangesAsync(ct);
        return (from, target);
    }
}
