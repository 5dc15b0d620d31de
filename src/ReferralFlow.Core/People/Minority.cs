namespace ReferralFlow.Core.People;

/// <summary>
/// Who is a child for the choice of procedure: under 18 on the current date, or of unknown age — the presumption of
/// minority (a presumed child is protected as a child until an age assessment says otherwise, practice F37, REQ-31).
/// </summary>
public static class Minority
{
    public const int AgeOfMajority = 18;

    /// <summary>The adult procedures that have a child counterpart, and that counterpart.</summary>
    private static readonly Dictionary<string, string> ChildProcedures = new(StringComparer.Ordinal)
    {
        ["transnational-return"] = "child-return",
    };

    public static bool IsChild(DateOnly? birthDate, DateOnly today) =>
        birthDate is not { } born || born.AddYears(AgeOfMajority) > today;

    /// <summary>The procedure to start instead of <paramref name="workflowId"/> for a child, or null when it serves
    /// children as well.</summary>
    public static string? ChildProcedureFor(string workflowId) => ChildProcedures.GetValueOrDefault(workflowId);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
