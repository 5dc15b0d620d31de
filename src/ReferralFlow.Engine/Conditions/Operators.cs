namespace ReferralFlow.Engine.Conditions;

internal enum ComparisonOperator { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual }

internal enum LogicalOperator { And, Or }

internal static class OperatorExtensions
{
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "==",
        ComparisonOperator.NotEqual => "!=",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };

    public static bool IsOrdering(this ComparisonOperator op) =>
        op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);

    public static string Symbol(this LogicalOperator op) => op == LogicalOperator.And ? "and" : "or";

    public static ComparisonOperator? AsComparison(this TokenKind kind) => kind switch
    {
        TokenKind.Equal => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        TokenKind.GreaterOrEqual => ComparisonOperator.GreaterOrEqual,
        _ => null,
    };
}
