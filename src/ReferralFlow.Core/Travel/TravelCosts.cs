using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;

namespace ReferralFlow.Core.Travel;

public sealed record CostInput(string Item, string Funder, decimal? Amount = null, string? Currency = null, string? FunderOrganisation = null);

public sealed record CostView(Guid Id, string Item, decimal? Amount, string? Currency, string Funder, string? FunderOrganisation,
    DateTimeOffset RecordedAt, DateTimeOffset? EscalatedAt);

/// <summary>
/// Recording the journey's costs (issue 4 §4, F43). An unfunded cost queues an escalation to the coordinator in the
/// same save (<see cref="StaffAlert"/>), once per cost: a coordinator who gets the same alert every time a caseworker
/// touches the cost stops reading them.
/// </summary>
public sealed class TravelCosts(ReferralFlowDb db, string actor, DateTimeOffset now)
{
    public async Task<TravelCost> RecordAsync(string referralReference, CostInput input, CancellationToken ct)
    {
        var item = Check(input.Item, CostItems.All, "cost item");
        var funder = Check(input.Funder, Funders.All, "funder");
        if (input.Amount is < 0) throw new ReferralFlowException("The amount cannot be negative.");
        if (input.Amount is not null && (input.Currency is null || input.Currency.Trim().Length != 3 || !input.Currency.Trim().All(char.IsAsciiLetter)))
            throw new ReferralFlowException("Give the amount's currency as an ISO 4217 code (--currency EUR).");
        var referral = await RecordedReferral.ActiveAsync(db, referralReference, "travel costs", ct);
        var organisation = await OrganisationAsync(input.FunderOrganisation, funder, ct);
        var cost = new TravelCost
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, Item = item, Amount = input.Amount,
            Currency = input.Currency?.Trim().ToUpperInvariant(), Funder = funder, FunderOrganisationId = organisation?.Id,
            RecordedAt = now, RecordedBy = actor, UpdatedAt = now,
        };
        db.TravelCosts.Add(cost);
        RecordHistory.Add(db, referral.Id, RecordHistory.CostRecorded, now, actor, $"{item}: {Describe(cost, organisation)} (cost {cost.Id})");
        EscalateIfUnfunded(cost);
        await db.SaveChangesAsync(ct);
        return cost;
    }

    /// <summary>A funder found (or lost) for a cost recorded earlier.</summary>
    public async Task<TravelCost> ChangeFunderAsync(Guid costId, string funderCode, string? funderOrganisation, CancellationToken ct)
    {
        var funder = Check(funderCode, Funders.All, "funder");
        var cost = await db.TravelCosts.SingleOrDefaultAsync(c => c.Id == costId, ct)
            ?? throw new ReferralFlowException($"No travel cost {costId}; list them with 'referralflow travel list REFERRAL'.");
        await RecordedReferral.ActiveAsync(db, cost.ReferralId.ToString(), "travel costs", ct);
        var organisation = await OrganisationAsync(funderOrganisation, funder, ct);
        var before = cost.Funder;
        (cost.Funder, cost.FunderOrganisationId, cost.UpdatedAt) = (funder, organisation?.Id, now);
        RecordHistory.Add(db, cost.ReferralId, RecordHistory.CostRecorded, now, actor, $"{cost.Item}: funder {before} → {Describe(cost, organisation)} (cost {cost.Id})");
        EscalateIfUnfunded(cost);
        await db.SaveChangesAsync(ct);
        return cost;
    }

    public static async Task<IReadOnlyList<CostView>> ListAsync(ReferralFlowDb db, string referralReference, CancellationToken ct)
    {
        var referral = await RecordedReferral.FindAsync(db, referralReference, ct);
        var costs = await db.TravelCosts.AsNoTracking().Where(c => c.ReferralId == referral.Id).ToListAsync(ct);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. costs.OrderBy(c => c.RecordedAt).ThenBy(c => c.Id).Select(c => new CostView(c.Id, c.Item, c.Amount, c.Currency, c.Funder,
            c.FunderOrganisationId is { } o ? names.GetValueOrDefault(o) : null, c.RecordedAt, c.EscalatedAt))];
    }

    private void EscalateIfUnfunded(TravelCost cost)
    {
        if (cost.NeedsEscalation(now))
            StaffAlert.Queue(db, cost.ReferralId, StaffAlert.UnfundedCost, [Recipients.Coordinator], now, actor, $"{cost.Item} has no funder (cost {cost.Id})");
    }

    private async Task<Organisation?> OrganisationAsync(string? reference, string funder, CancellationToken ct)
    {
        if (reference is null) return null;
        if (funder is Funders.Unfunded or "own-funds")
            throw new ReferralFlowException($"A cost paid by '{funder}' has no paying organisation: leave out --funder-organisation.");
        return await PartnerDirectory.RequireAsync(db, reference, ct);
    }

    private static string Describe(TravelCost cost, Organisation? organisation) =>
        (cost.Amount is { } amount ? $"{amount.ToString("0.##", CultureInfo.InvariantCulture)} {cost.Currency}, " : "") +
        (cost.IsUnfunded ? "unfunded" : $"paid by {cost.Funder}{(organisation is null ? "" : $" ({organisation.Name})")}");

    private static string Check(string value, IReadOnlyList<string> allowed, string what)
    {
        var code = value.Trim().ToLowerInvariant();
        return allowed.Contains(code) ? code
            : throw new ReferralFlowException($"Unknown {what} '{value}'; use one of {string.Join(", ", allowed)}.");
    }
}
