namespace ReferralFlow.Engine.Conditions;

// Start/End are source offsets so type errors can point at, and quote, the text the author wrote.
internal abstract record Expr(int Start, int End);

internal sealed record LiteralExpr(object Value, VariableType Type, int Start, int End) : Expr(Start, End);

internal sealed record VariableExpr(string Name, int Start, int End) : Expr(Start, End);

internal sealed record NotExpr(Expr Operand, int Start, int End) : Expr(Start, End);

// N-ary rather than binary so a long "a and b and c ..." chain stays shallow and cannot exhaust the stack.
internal sealed record LogicalExpr(LogicalOperator Operator, IReadOnlyList<Expr> Operands, int Start, int End)
    : Expr(Start, End);

internal sealed record ComparisonExpr(
    ComparisonOperator Operator, int OperatorPosition, Expr Left, Expr Right, int Start, int End) : Expr(Start, End);

internal sealed record InExpr(
    Expr Value, IReadOnlyList<LiteralExpr> Items, bool Negated, int OperatorPosition, int ListStart, int Start, int End)
    : Expr(Start, End)
{
    public string OperatorText => Negated ? "not in" : "in";
}
