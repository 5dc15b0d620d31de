using System.Text.Json.Nodes;
using ReferralFlow.Engine.Conditions;
using ReferralFlow.Engine.Definitions;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Engine.Tests.Execution;

/// <summary>String variables that hold a place or a flight number (issue 9 §3), and date-times that keep their offset.</summary>
public class VariableFormatTests
{
    private static string Normalize(VariableDefinition declared, string value) =>
        VariableValues.Normalize("travel.x", declared, JsonValue.Create(value))!.GetValue<string>();

    [Theory]
    [InlineData("place", "  Milano   Malpensa ", "Milano Malpensa")]
    [InlineData("place", "Gare de l'Est (Paris)", "Gare de l'Est (Paris)")]
    [InlineData("place", "Iași", "Iași")]
    [InlineData("flight-number", "az1234", "AZ 1234")]
    [InlineData("flight-number", "W6 4321", "W6 4321")]
    public void A_place_or_flight_number_is_stored_tidied(string format, string typed, string stored) =>
        Assert.Equal(stored, Normalize(new VariableDefinition(VariableType.String, Format: format), typed));

    [Theory]
    [InlineData("place", "zoryana@mail.example.org", "must be a place")]
    [InlineData("place", "12345", "must be a place")]
    [InlineData("flight-number", "Milano Malpensa", "must be a flight number")]
    public void A_value_that_is_not_of_the_format_is_refused_without_repeating_it(string format, string typed, string fragment)
    {
        var error = Assert.Throws<WorkflowInputException>(() => Normalize(new VariableDefinition(VariableType.String, Format: format), typed));
        Assert.Contains(fragment, error.Message);
        Assert.DoesNotContain(typed, error.Message);
    }

    [Fact]
    public void A_date_time_keeps_the_offset_it_was_given_and_still_compares_as_the_same_instant()
    {
        var declared = new VariableDefinition(VariableType.Date);

        var stored = Normalize(declared, "2027-03-02T06:40:00+01:00");

        Assert.Equal("2027-03-02T06:40:00.0000000+01:00", stored);
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 5, 40, 0, TimeSpan.Zero), VariableValues.AsInstant(JsonValue.Create(stored)!));
        Assert.Equal("2027-02-01T00:00:00.0000000+00:00", Normalize(declared, "2027-02-01"));
    }
}
