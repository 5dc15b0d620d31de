using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Audit;
using ReferralFlow.Core.CaseRecords;
using ReferralFlow.Core.Escort;
using ReferralFlow.Core.Forms;
using ReferralFlow.Core.Partners;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Core.Timers;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.CaseEvents;

/// <summary>
/// A deadline from the person's situation (issue 9 §6): when the risk and needs assessment records weeks of pregnancy,
/// the case learns the last day air travel is allowed (the escort plan refuses air legs from the week of
/// <see cref="AirTravelLimits"/> on) and a durable timer warns a lead time before it (<see cref="LeadVariable"/>, 14 days
/// by default: a week before the last week of air travel begins): an alert to the sending side's coordinator, carrying
/// the case code only, and a task for the referral's caseworkers, due on the last day, to book the travel or plan
/// another way. The date is shown on the case to its owning organisation. A later assessment re-plans it.
/// </summary>
public static class AirTravelWarning
{
    public const string TimerName = "air-travel-limit";
    public const string LeadVariable = "REFERRALFLOW_AIR_TRAVEL_WARNING_DAYS";
    public const int DefaultLeadDays = 14;

    /// <summary>The caseworker task's ways out: the flight is booked before the limit, or the person travels otherwise.</summary>
    public static readonly IReadOnlyList<string> TaskOutcomes = ["travel-booked", "planned-another-way"];

    public static TimeSpan LeadFromEnvironment() =>
        Environment.GetEnvironmentVariable(LeadVariable) is { Length: > 0 } text
            ? int.TryParse(text, out var days) && days is >= 0 and <= 120 ? TimeSpan.FromDays(days)
                : throw new ReferralFlowException($"{LeadVariable} must be a number of days between 0 and 120.")
            : TimeSpan.FromDays(DefaultLeadDays);

    /// <summary>From the first instant of the week in which airlines no longer carry the person.</summary>
    public static DateTimeOffset NoFlightsFrom(int weeks, DateTimeOffset assessedAt, AirTravelLimits limits) =>
        assessedAt.AddDays(7 * (limits.PregnancyWeeks - weeks));

    /// <summary>Called with a risk assessment's values in the unit of work that stores it (Forms/TaskForms).</summary>
    public static async Task OnRiskAssessmentAsync(UnitOfWork unit, Guid referralId, JsonObject values, DateTimeOffset now, CancellationToken ct)
    {
        var weeks = values[RiskAssessments.PregnancyWeeksField] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? (int?)decimal.Floor(v.GetValue<decimal>()) : null;
        await PlanAsync(unit, referralId, weeks, now, AirTravelLimits.FromEnvironment(), LeadFromEnvironment(), ct);
    }

    /// <summary>Plans (or re-plans, or clears when <paramref name="weeks"/> is null) the warning of one referral.</summary>
    public static async Task PlanAsync(UnitOfWork unit, Guid referralId, int? weeks, DateTimeOffset assessedAt,
        AirTravelLimits limits, TimeSpan lead, CancellationToken ct)
    {
        var db = unit.Db;
        var had = await db.Timers.AnyAsync(t => t.ReferralId == referralId && t.TokenId == CaseTimers.Token && t.StepId == TimerName, ct)
            || await CaseEventQueries.AirTravelUntilAsync(db, referralId, ct) is not null;
        await CaseTimers.DropAsync(db, referralId, TimerName, ct);
        // A task from an earlier warning names a day that no longer holds.
        await CaseTasks.CancelOpenAsync(db, unit.Actor, referralId, TimerName, assessedAt, "a later assessment re-planned the air-travel limit", ct);
        if (weeks is not { } w)
        {
            if (had) CaseEventActions.Record(unit, referralId, CaseEventKinds.AirTravelLimit, "none", assessedAt, "no pregnancy recorded any more: no air-travel limit");
            return;
        }
        var noFlights = NoFlightsFrom(w, assessedAt, limits);
        var lastDay = DateOnly.FromDateTime(noFlights.UtcDateTime).AddDays(-1);
        var warnAt = noFlights - lead < assessedAt ? assessedAt : noFlights - lead;
        if (noFlights > assessedAt)
            db.Timers.Add(new DurableTimer
            {
                Id = Guid.CreateVersion7(assessedAt), ReferralId = referralId, TokenId = CaseTimers.Token, StepId = TimerName,
                Purpose = TimerPurpose.Due, DueAt = warnAt,
            });
        CaseEventActions.Record(unit, referralId, CaseEventKinds.AirTravelLimit, null, assessedAt,
            noFlights > assessedAt
                ? $"air travel allowed until {lastDay:yyyy-MM-dd} (airline limit {limits.PregnancyWeeks} weeks); warning due {warnAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"
                : $"air travel no longer allowed (airline limit {limits.PregnancyWeeks} weeks)",
            on: lastDay);
    }

    /// <summary>The timer came due: alerts the coordinator and opens the caseworkers' task, once, and says so on the case.</summary>
    internal static async Task WarnAsync(ReferralFlowDb db, Referral referral, DateTimeOffset now, CancellationToken ct)
    {
        if (await CaseEventQueries.AirTravelUntilAsync(db, referral.Id, ct) is not { } until) return;
        var detail = $"air travel allowed until {until:yyyy-MM-dd}; caseworker task opened";
        StaffAlert.Queue(db, referral.Id, StaffAlert.AirTravelLimit, [Recipients.Coordinator], now, "timer", detail);
        // Due within the last day itself, as the pages and lists read times: in UTC.
        CaseTasks.Open(db, Acting.Actor.Timer, referral.Id, TimerName, TaskTitle(until), TaskOutcomes, now,
            new DateTimeOffset(until.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero));
        db.Set<CaseEvent>().Add(new CaseEvent
        {
            Id = Guid.CreateVersion7(now), ReferralId = referral.Id, Kind = CaseEventKinds.AirTravelWarned, OccurredOn = until,
            RecordedAt = now, RecordedBy = "timer",
        });
        AuditTrail.Record(db, Acting.Actor.Timer, CaseEventActions.AuditPrefix + CaseEventKinds.AirTravelWarned, referral.Id,
            $"referral {referral.Id:D}", now, detail);
    }

    public static string TaskTitle(DateOnly until) => $"Last day of air travel is {until:yyyy-MM-dd}: book the travel or plan another way";
}
