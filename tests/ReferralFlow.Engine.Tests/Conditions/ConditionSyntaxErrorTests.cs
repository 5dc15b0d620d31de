using ReferralFlow.Engine.Conditions;
using static ReferralFlow.Engine.Tests.Conditions.ConditionTestSupport;

namespace ReferralFlow.Engine.Tests.Conditions;

public class ConditionSyntaxErrorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Rejects_an_empty_condition(string? text)
    {
        var error = SingleError(text!);

        Assert.Equal(0, error.Position);
        Assert.Contains("condition is empty", error.Message);
    }

    [Theory]
    [InlineData("risk.level ==", 13, "expected a value after '=='")]
    [InlineData("risk.level == )", 14, "expected a value after '==' but found ')'")]
    [InlineData("person.isChild and", 18, "expected a value after 'and'")]
    [InlineData("not", 3, "expected a value after 'not'")]
    [InlineData(") or true", 0, "a condition cannot start with ')'")]
    public void Rejects_a_missing_value(string text, int position, string message)
    {
        var error = SingleError(text);

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Rejects_an_unterminated_string()
    {
        var error = SingleError("risk.level == 'high");

        Assert.Equal(14, error.Position);
        Assert.Contains("unterminated string starting at 14", error.Message);
    }

    [Fact]
    public void Treats_an_escaped_closing_quote_as_text() =>
        Assert.Contains("unterminated string starting at 14", SingleError(@"risk.level == 'high\'").Message);

    [Fact]
    public void Rejects_an_unsupported_escape()
    {
        var error = SingleError(@"risk.level == 'a\n'");

        Assert.Equal(16, error.Position);
        Assert.Contains(@"unsupported escape '\n'", error.Message);
    }

    [Theory]
    [InlineData("person.age = 3", 11, "use '==' to compare")]
    [InlineData("person.isChild && true", 15, "use 'and'")]
    [InlineData("person.isChild || true", 15, "use 'or'")]
    [InlineData("!person.isChild", 0, "use 'not'")]
    [InlineData("risk.level == \"high\"", 14, "strings use single quotes")]
    [InlineData("person.age == - 1", 14, "negative number, e.g. -1")]
    [InlineData("person.age == é", 14, "unexpected character 'é'")]
    [InlineData("person.age == \u0001", 14, "unexpected character U+0001")]
    public void Rejects_an_unsupported_character_and_names_the_alternative(string text, int position, string message)
    {
        var error = Errors(text).Single(e => e.Position == position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Rejects_an_invalid_date()
    {
        var error = SingleError("referral.received == date'2026-02-30'");

        Assert.Equal(21, error.Position);
        Assert.Contains("invalid date '2026-02-30'", error.Message);
        Assert.Contains("date'YYYY-MM-DD'", error.Message);
    }

    [Fact]
    public void Rejects_a_number_without_digits_after_the_point()
    {
        var error = SingleError("person.age == 2.");

        Assert.Equal(15, error.Position);
        Assert.Contains("expected digits after '.'", error.Message);
    }

    [Fact]
    public void Rejects_a_number_too_large_for_decimal()
    {
        var error = SingleError("person.age == 99999999999999999999999999999999");

        Assert.Equal(14, error.Position);
        Assert.Contains("is too large", error.Message);
    }

    [Fact]
    public void Rejects_a_variable_name_ending_in_a_dot()
    {
        var error = SingleError("risk. == 'high'");

        Assert.Equal(4, error.Position);
        Assert.Contains("each part after '.' must start with a letter", error.Message);
    }

    [Fact]
    public void Rejects_a_missing_closing_parenthesis()
    {
        var error = SingleError("(person.isChild and true");

        Assert.Equal(24, error.Position);
        Assert.Contains("missing ')' to close the '(' at 0", error.Message);
    }

    [Fact]
    public void Rejects_an_unmatched_closing_parenthesis()
    {
        var error = SingleError("person.isChild)");

        Assert.Equal(14, error.Position);
        Assert.Contains("unmatched ')'", error.Message);
    }

    [Fact]
    public void Rejects_text_after_a_complete_condition()
    {
        var error = SingleError("risk.level == 'high' annd person.isChild");

        Assert.Equal(21, error.Position);
        Assert.Contains("unexpected 'annd' after a complete condition; join conditions with 'and' or 'or'", error.Message);
    }

    [Fact]
    public void Rejects_uppercase_keywords() =>
        Assert.Contains("keywords are lowercase, write 'and'", SingleError("person.isChild AND true").Message);

    [Theory]
    [InlineData("1 < person.age < 5", 15)]
    [InlineData("person.isChild in [true] == true", 25)]
    public void Rejects_chained_comparisons(string text, int position)
    {
        var error = SingleError(text);

        Assert.Equal(position, error.Position);
        Assert.Contains("comparisons cannot be chained", error.Message);
    }

    [Theory]
    [InlineData("risk.level in 'high'", 14, "expected '[' after 'in'")]
    [InlineData("risk.level not in 'high'", 18, "expected '[' after 'not in'")]
    [InlineData("risk.level in []", 15, "the list after 'in' is empty")]
    [InlineData("risk.level in ['a',]", 19, "remove the trailing ','")]
    [InlineData("risk.level in ['a' 'b']", 19, "expected ',' or ']' in the list started at 14")]
    [InlineData("risk.level in ['a'", 18, "expected ',' or ']'")]
    [InlineData("risk.level in [risk.level]", 15, "list values must be fixed values, not variables")]
    [InlineData("risk.level in [(]", 15, "expected a list value after '['")]
    [InlineData("risk.level not 'a'", 11, "'not' after a value must be followed by 'in'")]
    public void Rejects_malformed_lists(string text, int position, string message)
    {
        var error = SingleError(text);

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Reports_unknown_variables_alongside_a_syntax_error()
    {
        var errors = Errors("unknown.a == 'x' and (person.isChild or unknown.b");

        Assert.Equal([0, 40, 49], errors.Select(e => e.Position));
        Assert.Contains("unknown variable 'unknown.a'", errors[0].Message);
        Assert.Contains("unknown variable 'unknown.b'", errors[1].Message);
        Assert.Contains("missing ')'", errors[2].Message);
    }

    [Theory]
    [InlineData('(')]
    [InlineData('n')]
    public void Rejects_excessive_nesting_instead_of_overflowing_the_stack(char kind)
    {
        var text = kind == '('
            ? new string('(', 100_000) + "true" + new string(')', 100_000)
            : string.Concat(Enumerable.Repeat("not ", 100_000)) + "true";

        var error = SingleError(text);

        Assert.Contains("nested too deeply", error.Message);
    }

    [Fact]
    public void Accepts_nesting_up_to_the_limit()
    {
        const int levelPairs = 16; // each "not (" is two levels; the limit is 32
        var text = string.Concat(Enumerable.Repeat("not (", levelPairs)) + "true" + new string(')', levelPairs);
        Assert.True(ConditionCompiler.Compile(text, Declared).Success);
    }
}
