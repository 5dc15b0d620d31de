using System.Text.Json.Nodes;
using ReferralFlow.Core.Referrals;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Core.Corridor;

/// <summary>
/// The corridor's countries as a procedure may read them: a procedure that declares <c>origin.country</c> or
/// <c>destination.country</c> as a string input gets the referral's corridor there, at intake and again whenever the
/// corridor changes (<see cref="CorridorChange"/>). An origin not known yet leaves <c>origin.country</c> unset: a
/// condition or a directory query reading it stops with an incident saying how to set it, and runs again once it is set.
/// </summary>
public static class CorridorFacts
{
    public const string Origin = "origin.country";
    public const string Destination = "destination.country";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { Origin, Destination };

    /// <summary>Sets (or clears, when unknown) the corridor facts the procedure declares as inputs.</summary>
    public static void Apply(WorkflowDefinition workflow, IDictionary<string, JsonNode?> variables, string? origin, string? destination)
    {
        Set(Origin, origin);
        Set(Destination, destination);

        void Set(string name, string? country)
        {
            if (!workflow.Variables.TryGetValue(name, out var declared) || !declared.Input) return;
            if (country is null) variables.Remove(name);
            else variables[name] = JsonValue.Create(country);
        }
    }

    /// <summary>Whether the step reads a corridor fact: its directory query's country, or a decision's condition.</summary>
    public static bool ReadBy(StepDefinition step) => step switch
    {
        PartnerRequestStep { Find: { } find } => find.CountryVariable is { } variable && Names.Contains(variable),
        DecisionStep decision => decision.Branches.Any(b => b.Condition.Variables.Overlaps(Names)),
        _ => false,
    };

    /// <summary>What an incident says when a directory query's country comes from a corridor country not known yet, or
    /// null when that is not why the query has no country.</summary>
    public static string? NotKnownYet(PartnerSearch search, Referral referral, string stepId) =>
        search.Country is null && search.CountryVariable is { } variable && Names.Contains(variable)
            ? $"{Sentence(variable, referral)} Step '{stepId}' asks the directory for {search.Describe()}; it asks again when the corridor changes."
            : null;

    /// <summary>The engine says a condition's variable "has no value"; for a corridor fact, say what to do instead.</summary>
    public static string Explain(string message, Referral referral)
    {
        foreach (var name in Names)
            if (message.StartsWith($"variable '{name}' has no value", StringComparison.Ordinal)
                || message.StartsWith($"variable '{name}' is null", StringComparison.Ordinal))
                return $"{Sentence(name, referral)} The step's condition reads '{name}' and runs again when the corridor changes.";
        return message;
    }

    private static string Sentence(string variable, Referral referral)
    {
        var (what, option) = variable == Origin ? ("origin", "--origin") : ("destination", "--destination");
        return $"The {what} country is not known yet: set it with 'referralflow referrals corridor {referral.CaseCode} {option} XX' " +
            $"(or POST /api/referrals/{referral.Id}/corridor).";
    }
}
