using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ReferralFlow.Core.Definitions;
using ReferralFlow.Core.Documents;
using ReferralFlow.Core.Persistence;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Mail;

/// <summary>
/// Gathers, when a message is composed, the facts its step declares (issue 9 §3): from the referral's workflow variables
/// as they are now, or from its case records (the documents still awaited, the escort plan). A fact with no value yet
/// (the flight not booked) is left out; the loader has already refused any fact that could carry the person's data.
/// </summary>
internal static class StepFacts
{
    public static async Task<IReadOnlyList<MessageFact>> GatherAsync(ReferralFlowDb db, WorkflowLibrary library, Referral referral,
        string stepId, CancellationToken ct)
    {
        var definition = await library.GetAsync(db, referral.WorkflowId, referral.WorkflowVersion, ct);
        var declared = definition.Steps.FirstOrDefault(s => s.Id == stepId) switch
        {
            PartnerRequestStep request => request.Facts,
            NotifyStep notice => notice.Facts,
            _ => [],
        };
        if (declared.Count == 0) return [];
        var variables = InstanceState.Deserialize(referral.StateJson).Variables;
        var facts = new List<MessageFact>();
        foreach (var fact in declared)
        {
            try
            {
                var value = fact.Variable is { } name
                    ? FromVariable(fact, variables.GetValueOrDefault(name))
                    : await FromRecordAsync(db, referral.Id, fact, ct);
                if (value is not null) facts.Add(value);
            }
            catch (ArgumentException)
            {
                // A value recorded before its shape was checked (an older escort leg): better left out than shown unchecked.
            }
        }
        return facts;
    }

    private static MessageFact? FromVariable(MessageFactDefinition fact, JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        return fact.Type switch
        {
            FactTypes.DateTime when value.TryGetValue<string>(out var text) && VariableValues.TryParseLocal(text, out var at) =>
                MessageFact.DateTime(fact.Name, at),
            FactTypes.YesNo when value.TryGetValue<bool>(out var yes) => MessageFact.Answer(fact.Name, yes),
            FactTypes.Place when value.TryGetValue<string>(out var place) => MessageFact.Place(fact.Name, place),
            FactTypes.FlightNumber when value.TryGetValue<string>(out var flight) => MessageFact.FlightNumber(fact.Name, flight),
            FactTypes.Text when value.TryGetValue<string>(out var code) => MessageFact.Code(fact.Name, code),
            _ => null,
        };
    }

    private static async Task<MessageFact?> FromRecordAsync(ReferralFlowDb db, Guid referralId, MessageFactDefinition fact, CancellationToken ct)
    {
        if (fact.Record == FactRecords.RequiredDocuments)
        {
            // What the authority is still asked to issue: requested, or waiting for more papers.
            var awaited = await db.DocumentRequests.AsNoTracking()
                .Where(d => d.ReferralId == referralId && (d.Status == DocumentStatus.Requested || d.Status == DocumentStatus.MoreInformationAsked))
                .Select(d => new { d.Kind, d.RequestedAt }).ToListAsync(ct);
            var kinds = awaited.OrderBy(d => d.RequestedAt).Select(d => d.Kind).Distinct().ToList();
            return kinds.Count == 0 ? null : MessageFact.DocumentList(fact.Name, kinds);
        }
        var legs = (await db.EscortLegs.AsNoTracking().Where(l => l.ReferralId == referralId).ToListAsync(ct))
            .OrderBy(l => l.DepartsAt).ThenBy(l => l.Id).ToList();
        if (legs.Count == 0) return null;
        return fact.Record switch
        {
            FactRecords.DepartureAt => MessageFact.DateTime(fact.Name, legs[0].DepartsAt),
            FactRecords.DeparturePlace => MessageFact.Place(fact.Name, legs[0].From),
            FactRecords.ArrivalPlace => MessageFact.Place(fact.Name, legs[^1].To),
            _ => null,
        };
    }
}
