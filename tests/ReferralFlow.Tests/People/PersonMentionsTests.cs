using ReferralFlow.Core.People;

namespace ReferralFlow.Tests.People;

/// <summary>What counts as mentioning the person in a typed place (issue 9 §3): whole words of the name or an alias in
/// any case and without accents, the birth date in numeric spellings, a document number with or without separators;
/// and what does not, so that ordinary places are not refused.</summary>
public class PersonMentionsTests
{
    private static readonly PersonalData Person = new()
    {
        FullName = "Ana-Maria de la Cruz Ștefănescu", Aliases = ["Ani"], BirthDate = new DateOnly(2009, 11, 3), DocumentNumber = "05 2231 887",
    };

    [Theory]
    [InlineData("STEFANESCU", "the person's name")]
    [InlineData("Ana", "the person's name")]
    [InlineData("cruz bus stop", "the person's name")]
    [InlineData("2009-11-03", "the person's birth date")]
    [InlineData("3.11.2009", "the person's birth date")]
    [InlineData("03/11/09", "the person's birth date")]
    [InlineData("20091103", "the person's birth date")]
    [InlineData("no. 052231887", "the person's document number")]
    [InlineData("RO-9911", "the person's document number")]
    public void Finds_the_person_in_what_was_typed(string typed, string found) =>
        Assert.Equal(found, PersonMentions.Find(Person, ["RO9911"], typed));

    [Theory]
    [InlineData("Ljubljana Jože Pučnik airport")]
    [InlineData("Aeroport de la Paris-Orly")]
    [InlineData("Gate 11, Terminal 3")]
    [InlineData("Animal shelter")]
    [InlineData("Bucharest Otopeni 2009")]
    public void Leaves_ordinary_places_alone(string typed) =>
        Assert.Null(PersonMentions.Find(Person, ["RO9911"], typed));

    [Fact]
    public void The_refusal_names_the_field_and_what_was_found_but_not_the_value() =>
        Assert.Equal("'travel.departurePlace' is refused: it contains the person's name. Write only the place or code it asks for " +
            "(an airport, station, border crossing or city), never the person's name, birth date or document number; a place " +
            "spelt like the person's name can be written another way, such as the airport's code.",
            PersonMentions.Refusal("'travel.departurePlace'", "the person's name"));
}
