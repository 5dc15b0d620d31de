using static ReferralFlow.Engine.Tests.Conditions.ConditionTestSupport;

namespace ReferralFlow.Engine.Tests.Conditions;

public class ConditionEvaluationTests
{
    [Theory]
    [InlineData("high", true)]
    [InlineData("High", false)]
    [InlineData("low", false)]
    public void String_equality_is_exact(string level, bool expected) =>
        Assert.Equal(expected, Evaluate("risk.level == 'high'", ("risk.level", level)));

    [Theory]
    [InlineData("person.age == 10", true)]
    [InlineData("person.age == 11", false)]
    [InlineData("person.age != 11", true)]
    [InlineData("person.age != 10", false)]
    [InlineData("person.age < 11", true)]
    [InlineData("person.age < 10", false)]
    [InlineData("person.age <= 10", true)]
    [InlineData("person.age <= 9", false)]
    [InlineData("person.age > 9", true)]
    [InlineData("person.age > 10", false)]
    [InlineData("person.age >= 10", true)]
    [InlineData("person.age >= 11", false)]
    [InlineData("person.age>=10", true)]
    public void Compares_numbers_with_each_operator(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text, ("person.age", 10m)));

    [Theory]
    [InlineData("monitoring.months == 2.5", true)]
    [InlineData("monitoring.months == 2.50", true)]
    [InlineData("monitoring.months > 2.49", true)]
    [InlineData("monitoring.months > -1", true)]
    [InlineData("monitoring.months < -1", false)]
    public void Compares_decimals_and_negative_numbers_by_value(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text, ("monitoring.months", 2.5m)));

    [Theory]
    [InlineData("referral.received == date'2026-01-31'", true)]
    [InlineData("referral.received < date'2026-02-01'", true)]
    [InlineData("referral.received >= date'2026-02-01'", false)]
    [InlineData("referral.received != date'2025-01-31'", true)]
    public void Compares_dates_chronologically(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text, ("referral.received", new DateOnly(2026, 1, 31))));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_bare_boolean_variable_is_a_condition(bool isChild) =>
        Assert.Equal(isChild, Evaluate("person.isChild", ("person.isChild", isChild)));

    [Theory]
    [InlineData("person.isChild == true", true)]
    [InlineData("person.isChild != false", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("not person.isChild", false)]
    [InlineData("not not person.isChild", true)]
    public void Evaluates_boolean_literals_equality_and_not(string text, bool expected) =>
        Assert.Equal(expected, Evaluate(text, ("person.isChild", true)));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void And_requires_both_sides(bool child, bool plan, bool expected) =>
        Assert.Equal(expected, Evaluate("person.isChild and case.has-plan_v2",
            ("person.isChild", child), ("case.has-plan_v2", plan)));

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    public void Or_requires_either_side(bool child, bool plan, bool expected) =>
        Assert.Equal(expected, Evaluate("person.isChild or case.has-plan_v2",
            ("person.isChild", child), ("case.has-plan_v2", plan)));

    [Fact]
    public void And_binds_tighter_than_or()
    {
        // As "(a or b) and c" this would be false.
        Assert.True(Evaluate("person.isChild or case.has-plan_v2 and risk.level == 'low'",
            ("person.isChild", true), ("case.has-plan_v2", false), ("risk.level", "high")));
    }

    [Fact]
    public void Parentheses_override_precedence() =>
        Assert.False(Evaluate("(person.isChild or case.has-plan_v2) and risk.level == 'low'",
            ("person.isChild", true), ("case.has-plan_v2", false), ("risk.level", "high")));

    [Fact]
    public void Not_binds_tighter_than_and()
    {
        // As "not (a and b)" this would be true.
        Assert.False(Evaluate("not person.isChild and case.has-plan_v2",
            ("person.isChild", false), ("case.has-plan_v2", false)));
    }

    [Fact]
    public void Comparison_binds_tighter_than_and_and_or() =>
        Assert.True(Evaluate("risk.level == 'low' or person.age < 18 and monitoring.months >= 6",
            ("risk.level", "high"), ("person.age", 10m), ("monitoring.months", 6m)));

    [Fact]
    public void Negates_a_parenthesised_comparison() =>
        Assert.False(Evaluate("not (risk.level == 'high')", ("risk.level", "high")));

    [Theory]
    [InlineData("high", true)]
    [InlineData("medium", true)]
    [InlineData("low", false)]
    public void In_matches_any_listed_value(string level, bool expected) =>
        Assert.Equal(expected, Evaluate("risk.level in ['high', 'medium']", ("risk.level", level)));

    [Theory]
    [InlineData("high", false)]
    [InlineData("low", true)]
    public void Not_in_matches_values_outside_the_list(string level, bool expected) =>
        Assert.Equal(expected, Evaluate("risk.level not in [ 'high','medium' ]", ("risk.level", level)));

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void In_works_with_numbers(int months, bool expected) =>
        Assert.Equal(expected, Evaluate("monitoring.months in [3, 6, 12.0]", ("monitoring.months", (decimal)months)));

    [Fact]
    public void In_combines_with_boolean_operators() =>
        Assert.True(Evaluate("person.isChild and risk.level in ['high'] or false", ("risk.level", "high")));

    [Theory]
    [InlineData(@"risk.level == 'it\'s'", "it's")]
    [InlineData(@"risk.level == 'back\\slash'", @"back\slash")]
    [InlineData("risk.level == ''", "")]
    [InlineData("risk.level == 'two  words'", "two  words")]
    public void Unescapes_string_literals(string text, string level) =>
        Assert.True(Evaluate(text, ("risk.level", level)));

    [Fact]
    public void Accepts_int_and_long_for_numbers()
    {
        var condition = Compile("person.age == 10 and monitoring.months == 6");
        Assert.True(condition.Evaluate(Values(("person.age", 10), ("monitoring.months", 6L))));
    }

    [Fact]
    public void Exposes_text_and_referenced_variables()
    {
        const string text = "risk.level == 'high' and (person.isChild or risk.level == 'medium')";
        var condition = Compile(text);

        Assert.Equal(text, condition.Text);
        Assert.Equal(new HashSet<string> { "risk.level", "person.isChild" }, condition.Variables.ToHashSet());
    }

    [Fact]
    public void Ignores_values_for_unreferenced_variables() =>
        Assert.True(Compile("person.isChild").Evaluate(new Dictionary<string, object?>
        {
            ["person.isChild"] = true,
            ["something.else"] = 42,
        }));

    [Fact]
    public void Evaluates_a_long_chain_without_deep_recursion()
    {
        var text = string.Join(" and ", Enumerable.Repeat("person.age > 1", 5_000));
        Assert.True(Evaluate(text));
    }
}
