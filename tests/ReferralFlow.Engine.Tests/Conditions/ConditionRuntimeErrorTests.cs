using ReferralFlow.Engine.Conditions;
using static ReferralFlow.Engine.Tests.Conditions.ConditionTestSupport;

namespace ReferralFlow.Engine.Tests.Conditions;

public class ConditionRuntimeErrorTests
{
    [Fact]
    public void Throws_naming_a_missing_variable()
    {
        var condition = Compile("person.isChild and risk.level == 'high'");
        var values = Values();
        values.Remove("risk.level");

        var error = Assert.Throws<ConditionEvaluationException>(() => condition.Evaluate(values));

        Assert.Contains("'risk.level' has no value", error.Message);
    }

    [Fact]
    public void Throws_naming_a_null_variable() =>
        Assert.Contains("'person.age' is null",
            Assert.Throws<ConditionEvaluationException>(() => Evaluate("person.age > 3", ("person.age", null))).Message);

    [Fact]
    public void Requires_variables_that_short_circuiting_would_skip()
    {
        var condition = Compile("false and person.isChild");

        Assert.Throws<ConditionEvaluationException>(() => condition.Evaluate(new Dictionary<string, object?>()));
    }

    [Fact]
    public void Throws_for_a_value_of_the_wrong_type_without_revealing_it()
    {
        var error = Assert.Throws<ConditionEvaluationException>(
            () => Evaluate("person.age > 3", ("person.age", "secret-4711")));

        Assert.Contains("'person.age' is declared as a number but was given a String", error.Message);
        Assert.DoesNotContain("secret-4711", error.Message);
    }

    [Fact]
    public void Rejects_a_double_for_a_number_rather_than_rounding_it() =>
        Assert.Throws<ConditionEvaluationException>(() => Evaluate("person.age > 3", ("person.age", 3.5d)));
}
