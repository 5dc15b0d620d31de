using System.Diagnostics;

namespace ReferralFlow.Engine.Conditions;

// Runs only on type-checked trees with every referenced variable resolved, so casts here cannot fail.
internal static class Evaluator
{
    public static bool IsTrue(Expr root, IReadOnlyDictionary<string, object> values) => (bool)Evaluate(root, values);

    private static object Evaluate(Expr expr, IReadOnlyDictionary<string, object> values) => expr switch
    {
        LiteralExpr literal => literal.Value,
        VariableExpr variable => values[variable.Name],
        NotExpr not => !(bool)Evaluate(not.Operand, values),
        LogicalExpr { Operator: LogicalOperator.And } and => and.Operands.All(o => (bool)Evaluate(o, values)),
        LogicalExpr or => or.Operands.Any(o => (bool)Evaluate(o, values)),
        ComparisonExpr comparison => Compare(
            comparison.Operator, Evaluate(comparison.Left, values), Evaluate(comparison.Right, values)),
        InExpr @in => Contains(@in.Items, Evaluate(@in.Value, values)) != @in.Negated,
        _ => throw new UnreachableException($"unhandled node {expr.GetType().Name}"),
    };

    private static bool Contains(IReadOnlyList<LiteralExpr> items, object value) =>
        items.Any(item => AreEqual(value, item.Value));

    private static bool Compare(ComparisonOperator op, object left, object right) => op switch
    {
        ComparisonOperator.Equal => AreEqual(left, right),
        ComparisonOperator.NotEqual => !AreEqual(left, right),
        ComparisonOperator.Less => Order(left, right) < 0,
        ComparisonOperator.LessOrEqual => Order(left, right) <= 0,
        ComparisonOperator.Greater => Order(left, right) > 0,
        _ => Order(left, right) >= 0,
    };

    // decimal.Equals compares values, so 2.50 == 2.5; strings compare ordinally (case-sensitive).
    private static bool AreEqual(object left, object right) =>
        left is string a && right is string b ? string.Equals(a, b, StringComparison.Ordinal) : left.Equals(right);

    private static int Order(object left, object right) => (left, right) switch
    {
        (decimal a, decimal b) => a.CompareTo(b),
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        _ => throw new UnreachableException("the type checker only admits ordering of numbers and dates"),
    };
}
