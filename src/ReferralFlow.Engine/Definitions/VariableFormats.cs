namespace ReferralFlow.Engine.Definitions;

/// <summary>
/// What a string variable may hold besides a code: a <see cref="Place"/> ("Milan Malpensa", "Kelebija border crossing")
/// or a <see cref="FlightNumber"/> ("AZ 1234"). A place is typed by a caseworker, so the runtime checks it against the
/// person's record before it is stored (Core/People/PersonMentions).
/// </summary>
public static class VariableFormats
{
    public const string Place = "place";
    public const string FlightNumber = "flight-number";

    public static readonly IReadOnlyList<string> All = [Place, FlightNumber];

    /// <summary>A value of the format for rehearsals and simulations, or null for a plain code.</summary>
    public static string? Example(string? format) => format switch
    {
        Place => "Example airport",
        FlightNumber => "XY 1234",
        _ => null,
    };
}
