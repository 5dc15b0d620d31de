using ReferralFlow.Engine.Conditions;
using static ReferralFlow.Engine.Tests.Conditions.ConditionTestSupport;

namespace ReferralFlow.Engine.Tests.Conditions;

public class ConditionTypeErrorTests
{
    [Fact]
    public void Rejects_unknown_variable_and_suggests_the_closest_name()
    {
        var error = SingleError("person.isChild and risk.levl == 'high'");

        Assert.Equal(19, error.Position);
        Assert.Contains("unknown variable 'risk.levl'", error.Message);
        Assert.Contains("did you mean 'risk.level'?", error.Message);
        Assert.Contains("declare it under \"variables\" or fix the name", error.Message);
        Assert.Contains("known: case.has-plan_v2, monitoring.months, person.age", error.Message);
    }

    [Fact]
    public void Reports_every_unknown_variable_once()
    {
        var errors = Errors("foo and bar and foo");

        Assert.Equal([0, 8], errors.Select(e => e.Position));
        Assert.Contains("'foo'", errors[0].Message);
        Assert.Contains("'bar'", errors[1].Message);
    }

    [Fact]
    public void Says_when_no_variables_are_declared()
    {
        var error = Assert.Single(ConditionCompiler.Compile("person.isChild", new Dictionary<string, VariableType>()).Errors);
        Assert.Contains("no variables are declared", error.Message);
    }

    [Fact]
    public void Rejects_comparison_of_string_with_number()
    {
        var error = SingleError("risk.level == 3");

        Assert.Equal(11, error.Position);
        Assert.Contains("cannot compare 'risk.level' (string) with 3 (number)", error.Message);
        Assert.Contains("risk.level == 'value'", error.Message);
    }

    [Theory]
    [InlineData("person.age != 'ten'", 11, "cannot compare 'person.age' (number) with 'ten' (string)")]
    [InlineData("person.isChild == 1", 15, "cannot compare 'person.isChild' (true/false) with 1 (number)")]
    [InlineData("referral.received > 3", 18, "cannot compare 'referral.received' (date) with 3 (number)")]
    [InlineData("3 == risk.level", 2, "cannot compare 3 (number) with 'risk.level' (string)")]
    public void Rejects_comparison_of_different_types(string text, int position, string message)
    {
        var error = SingleError(text);

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Rejects_ordering_of_strings()
    {
        var error = SingleError("risk.level < 'medium'");

        Assert.Equal(11, error.Position);
        Assert.Contains("cannot use '<' on strings", error.Message);
        Assert.Contains("use ==, != or in [...] instead", error.Message);
    }

    [Fact]
    public void Rejects_ordering_of_booleans()
    {
        var error = SingleError("person.isChild >= false");

        Assert.Equal(15, error.Position);
        Assert.Contains("cannot use '>=' on true/false values", error.Message);
    }

    [Fact]
    public void Rejects_each_list_value_of_the_wrong_type()
    {
        var errors = Errors("risk.level in ['high', 3, true]");

        Assert.Equal([23, 26], errors.Select(e => e.Position));
        Assert.Contains("list value 3 (number) does not match 'risk.level' (string)", errors[0].Message);
        Assert.Contains("every value after 'in' must be a string", errors[0].Message);
        Assert.Contains("list value true (true/false)", errors[1].Message);
    }

    [Fact]
    public void Rejects_list_value_of_the_wrong_type_after_not_in()
    {
        var error = SingleError("person.age not in ['ten']");

        Assert.Equal(19, error.Position);
        Assert.Contains("every value after 'not in' must be a number", error.Message);
    }

    [Theory]
    [InlineData("risk.level and person.isChild", 0, "'and' needs true/false on both sides; 'risk.level' is a string")]
    [InlineData("person.isChild or person.age", 18, "'or' needs true/false on both sides; 'person.age' is a number")]
    [InlineData("not risk.level", 4, "'not' needs true/false; 'risk.level' is a string")]
    public void Rejects_non_boolean_operands_of_logical_operators(string text, int position, string message)
    {
        var error = SingleError(text);

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
        Assert.Contains("compare it, e.g.", error.Message);
    }

    [Fact]
    public void Rejects_a_condition_that_is_not_true_or_false()
    {
        var error = SingleError("risk.level");

        Assert.Equal(0, error.Position);
        Assert.Equal(
            "condition must be true/false; 'risk.level' is a string — compare it, e.g. risk.level == 'value'",
            error.Message);
    }

    [Fact]
    public void Rejects_a_literal_that_is_not_true_or_false() =>
        Assert.Contains("condition must be true/false; 3 is a number", SingleError("3").Message);

    [Theory]
    [InlineData("not risk.level == 'high'", "write not (risk.level == 'high')")]
    [InlineData("not risk.level in ['high']", "write risk.level not in ['high']")]
    public void Explains_that_not_applies_before_a_comparison(string text, string suggestion)
    {
        var error = SingleError(text);

        Assert.Equal(0, error.Position);
        Assert.Contains("'not' applies before", error.Message);
        Assert.Contains(suggestion, error.Message);
    }

    [Fact]
    public void Reports_all_type_errors_and_unknown_variables_in_position_order()
    {
        var errors = Errors("risk.level == 3 and person.age == 'x' and unknown.flag and risk.level < 'b'");

        Assert.Equal([11, 31, 42, 70], errors.Select(e => e.Position));
        Assert.Contains("cannot compare 'risk.level'", errors[0].Message);
        Assert.Contains("cannot compare 'person.age'", errors[1].Message);
        Assert.Contains("unknown variable 'unknown.flag'", errors[2].Message);
        Assert.Contains("cannot use '<' on strings", errors[3].Message);
    }

    [Fact]
    public void Does_not_cascade_errors_from_an_unknown_variable() =>
        Assert.Contains("unknown variable", SingleError("unknown.level == 3 and not unknown.level").Message);
}
