using System.Diagnostics;

namespace ReferralFlow.Engine.Conditions;

// Computes each node's type and collects every mismatch. A null type means "already reported or unknown",
// which suppresses follow-on errors that would only repeat the first one.
internal sealed class TypeChecker
{
    private readonly string text;
    private readonly IReadOnlyDictionary<string, VariableType> variables;
    private readonly List<ConditionError> errors = [];

    // Some checks look at a child before its parent does; caching keeps each error from being reported twice.
    private readonly Dictionary<Expr, VariableType?> types = new(ReferenceEqualityComparer.Instance);

    private TypeChecker(string text, IReadOnlyDictionary<string, VariableType> variables)
    {
        this.text = text;
        this.variables = variables;
    }

    public static IReadOnlyList<ConditionError> Check(
        Expr root, string text, IReadOnlyDictionary<string, VariableType> variables)
    {
        var checker = new TypeChecker(text, variables);
        checker.RequireBoolean(root, "condition must be true/false");
        return checker.errors;
    }

    private VariableType? TypeOf(Expr expr)
    {
        if (!types.TryGetValue(expr, out var type))
        {
            type = ComputeType(expr);
            types[expr] = type;
        }

        return type;
    }

    private VariableType? ComputeType(Expr expr) => expr switch
    {
        LiteralExpr literal => literal.Type,
        VariableExpr variable => variables.TryGetValue(variable.Name, out var type) ? type : null,
        NotExpr not => RequireBoolean(not.Operand, "'not' needs true/false") ? VariableType.Boolean : null,
        LogicalExpr logical => CheckLogical(logical),
        ComparisonExpr comparison => CheckComparison(comparison),
        InExpr @in => CheckIn(@in),
        _ => throw new UnreachableException($"unhandled node {expr.GetType().Name}"),
    };

    private bool RequireBoolean(Expr expr, string requirement)
    {
        var type = TypeOf(expr);
        if (type is null or VariableType.Boolean)
        {
            return type is not null;
        }

        var hint = expr is VariableExpr variable
            ? $"compare it, e.g. {variable.Name} == {type.Value.ExampleLiteral()}"
            : "use a comparison such as ==, != or in [...] to get true/false";
        errors.Add(new ConditionError(expr.Start,
            $"{requirement}; {Describe(expr)} is {type.Value.WithArticle()} — {hint}"));
        return false;
    }

    private VariableType CheckLogical(LogicalExpr logical)
    {
        foreach (var operand in logical.Operands)
        {
            RequireBoolean(operand, $"'{logical.Operator.Symbol()}' needs true/false on both sides");
        }

        return VariableType.Boolean;
    }

    private VariableType CheckComparison(ComparisonExpr comparison)
    {
        var symbol = comparison.Operator.Symbol();
        if (ExplainNotPrecedence(comparison.Left, symbol, operand => $"not ({text[operand.Start..comparison.End]})"))
        {
            TypeOf(comparison.Right);
            return VariableType.Boolean;
        }

        var leftType = TypeOf(comparison.Left);
        var rightType = TypeOf(comparison.Right);
        if (leftType is not { } left || rightType is not { } right)
        {
            return VariableType.Boolean;
        }

        if (left != right)
        {
            errors.Add(new ConditionError(comparison.OperatorPosition,
                $"cannot compare {Describe(comparison.Left)} ({left.Name()}) with {Describe(comparison.Right)} ({right.Name()}); "
                + $"both sides of '{symbol}' must be the same type{SameTypeHint(comparison, symbol)}"));
        }
        else if (comparison.Operator.IsOrdering() && left is VariableType.String or VariableType.Boolean)
        {
            var (values, alternatives) = left == VariableType.String
                ? ("strings", "==, != or in [...]")
                : ("true/false values", "== or !=");
            errors.Add(new ConditionError(comparison.OperatorPosition,
                $"cannot use '{symbol}' on {values} ({Describe(comparison.Left)} {symbol} {Describe(comparison.Right)}): "
                + $"{values} have no order; '{symbol}' works on numbers and dates only, use {alternatives} instead"));
        }

        return VariableType.Boolean;
    }

    private VariableType CheckIn(InExpr @in)
    {
        var opposite = @in.Negated ? "in" : "not in";
        if (ExplainNotPrecedence(@in.Value, @in.OperatorText,
                operand => $"{text[operand.Start..operand.End]} {opposite} {text[@in.ListStart..@in.End]}")
            || TypeOf(@in.Value) is not { } type)
        {
            return VariableType.Boolean;
        }

        foreach (var item in @in.Items.Where(item => item.Type != type))
        {
            errors.Add(new ConditionError(item.Start,
                $"list value {Describe(item)} ({item.Type.Name()}) does not match {Describe(@in.Value)} ({type.Name()}); "
                + $"every value after '{@in.OperatorText}' must be {type.WithArticle()}, e.g. {type.ExampleLiteral()}"));
        }

        return VariableType.Boolean;
    }

    // "not x == 'a'" reads as "(not x) == 'a'" because 'not' binds tightest; authors almost always meant the
    // negated comparison, so say that instead of reporting two confusing type errors.
    private bool ExplainNotPrecedence(Expr left, string symbol, Func<Expr, string> suggestion)
    {
        // A parenthesised "(not x)" starts at '(' and was written that way on purpose.
        if (left is not NotExpr not || text[not.Start] == '('
            || TypeOf(not.Operand) is not { } operandType || operandType == VariableType.Boolean)
        {
            return false;
        }

        errors.Add(new ConditionError(not.Start,
            $"'not' applies before '{symbol}', so this negates {Describe(not.Operand)} ({operandType.Name()}) "
            + $"instead of the comparison; write {suggestion(not.Operand)}"));
        return true;
    }

    private string SameTypeHint(ComparisonExpr comparison, string symbol)
    {
        var variable = (comparison.Left, comparison.Right) switch
        {
            (VariableExpr left, LiteralExpr) => left,
            (LiteralExpr, VariableExpr right) => right,
            _ => null,
        };
        if (variable is null || !variables.TryGetValue(variable.Name, out var type)
            || (comparison.Operator.IsOrdering() && type is VariableType.String or VariableType.Boolean))
        {
            return "";
        }

        return $" — {Describe(variable)} is {type.WithArticle()}, so write e.g. {variable.Name} {symbol} {type.ExampleLiteral()}";
    }

    private string Describe(Expr expr) =>
        expr is VariableExpr variable ? $"'{variable.Name}'" : text[expr.Start..expr.End];
}
