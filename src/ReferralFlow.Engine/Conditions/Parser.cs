namespace ReferralFlow.Engine.Conditions;

internal sealed record ParseResult(Expr? Expression, ConditionError? Error);

// Recursive descent; precedence from loosest to tightest: or, and, comparison / in, not, primary.
internal sealed class Parser
{
    // Bounds recursion so hostile input gets an error instead of a process-killing stack overflow.
    public const int MaxNesting = 32;

    private const string ValueKinds =
        "a variable, 'text', a number, true/false, date'YYYY-MM-DD' or '('";

    private readonly IReadOnlyList<Token> tokens;
    private int index;
    private int nesting;

    private Parser(IReadOnlyList<Token> tokens) => this.tokens = tokens;

    private Token Current => tokens[index];

    private Token Previous => tokens[index - 1];

    private Token Next => tokens[Math.Min(index + 1, tokens.Count - 1)];

    // Expects tokens as produced by a successful Lexer.Tokenize, i.e. ending with TokenKind.End.
    public static ParseResult Parse(IReadOnlyList<Token> tokens)
    {
        var parser = new Parser(tokens);
        try
        {
            var expression = parser.ParseOr();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw parser.TrailingToken();
            }

            return new ParseResult(expression, null);
        }
        catch (ParseFailure failure)
        {
            return new ParseResult(null, failure.Error);
        }
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            index++;
        }

        return token;
    }

    private static ParseFailure Fail(int position, string message) => new(new ConditionError(position, message));

    private Expr ParseOr() => ParseLogical(LogicalOperator.Or, TokenKind.Or, ParseAnd);

    private Expr ParseAnd() => ParseLogical(LogicalOperator.And, TokenKind.And, ParseComparison);

    private Expr ParseLogical(LogicalOperator op, TokenKind kind, Func<Expr> parseOperand)
    {
        var operands = new List<Expr> { parseOperand() };
        while (Current.Kind == kind)
        {
            Advance();
            operands.Add(parseOperand());
        }

        return operands.Count == 1
            ? operands[0]
            : new LogicalExpr(op, operands, operands[0].Start, operands[^1].End);
    }

    private Expr ParseComparison()
    {
        var left = ParseUnary();
        Expr result;
        if (Current.Kind.AsComparison() is { } op)
        {
            var opToken = Advance();
            var right = ParseUnary();
            result = new ComparisonExpr(op, opToken.Position, left, right, left.Start, right.End);
        }
        else if (Current.Kind == TokenKind.In)
        {
            result = ParseList(left, Advance(), negated: false);
        }
        else if (Current.Kind == TokenKind.Not)
        {
            if (Next.Kind != TokenKind.In)
            {
                throw Fail(Current.Position,
                    "'not' after a value must be followed by 'in', e.g. risk.level not in ['low']; "
                    + "to combine conditions write 'and not'");
            }

            var notToken = Advance();
            Advance();
            result = ParseList(left, notToken, negated: true);
        }
        else
        {
            return left;
        }

        if (Current.Kind.AsComparison() is not null || Current.Kind == TokenKind.In
            || (Current.Kind == TokenKind.Not && Next.Kind == TokenKind.In))
        {
            throw Fail(Current.Position,
                $"comparisons cannot be chained ({Current.Describe()} follows a comparison); "
                + "join them with 'and', e.g. 1 < x and x < 5");
        }

        return result;
    }

    private InExpr ParseList(Expr value, Token opToken, bool negated)
    {
        var opText = negated ? "not in" : "in";
        if (Current.Kind != TokenKind.OpenBracket)
        {
            throw Fail(Current.Position,
                $"expected '[' after '{opText}' but found {Current.Describe()}; write a list, e.g. risk.level {opText} ['high', 'medium']");
        }

        var open = Advance();
        if (Current.Kind == TokenKind.CloseBracket)
        {
            throw Fail(Current.Position, $"the list after '{opText}' is empty; add at least one value, e.g. ['high']");
        }

        var items = new List<LiteralExpr>();
        while (true)
        {
            items.Add(ParseListItem());
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            if (Current.Kind == TokenKind.CloseBracket)
            {
                var close = Advance();
                return new InExpr(value, items, negated, opToken.Position, open.Position, value.Start, close.End);
            }

            throw Fail(Current.Position,
                $"expected ',' or ']' in the list started at {open.Position} but found {Current.Describe()}; separate values with ',' and close the list with ']'");
        }
    }

    private LiteralExpr ParseListItem()
    {
        var token = Current;
        if (ToLiteral(token) is { } literal)
        {
            Advance();
            return literal;
        }

        var message = token.Kind switch
        {
            TokenKind.Identifier =>
                $"list values must be fixed values, not variables ('{token.Text}'); write 'text', numbers, true/false or dates",
            TokenKind.CloseBracket => "expected a value after ',' but found ']'; remove the trailing ','",
            _ => $"expected a list value after '{Previous.Text}' but found {token.Describe()}; write 'text', numbers, true/false or dates",
        };
        throw Fail(token.Position, message);
    }

    private Expr ParseUnary()
    {
        if (Current.Kind != TokenKind.Not)
        {
            return ParsePrimary();
        }

        var notToken = Advance();
        EnterNesting(notToken);
        var operand = ParseUnary();
        nesting--;
        return new NotExpr(operand, notToken.Position, operand.End);
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        if (token.Kind == TokenKind.Identifier)
        {
            Advance();
            return new VariableExpr(token.Text, token.Position, token.End);
        }

        if (ToLiteral(token) is { } literal)
        {
            Advance();
            return literal;
        }

        if (token.Kind == TokenKind.OpenParen)
        {
            Advance();
            EnterNesting(token);
            var inner = ParseOr();
            if (Current.Kind != TokenKind.CloseParen)
            {
                throw Fail(Current.Position,
                    $"missing ')' to close the '(' at {token.Position}; found {Current.Describe()}");
            }

            var close = Advance();
            nesting--;
            return inner with { Start = token.Position, End = close.End };
        }

        throw Fail(token.Position, index == 0
            ? $"a condition cannot start with {token.Describe()}; start with {ValueKinds}"
            : $"expected a value after '{Previous.Text}' but found {token.Describe()}; write {ValueKinds}");
    }

    private static LiteralExpr? ToLiteral(Token token) => token.Kind switch
    {
        TokenKind.String => new LiteralExpr(token.Value!, VariableType.String, token.Position, token.End),
        TokenKind.Number => new LiteralExpr(token.Value!, VariableType.Number, token.Position, token.End),
        TokenKind.Date => new LiteralExpr(token.Value!, VariableType.Date, token.Position, token.End),
        TokenKind.True => new LiteralExpr(true, VariableType.Boolean, token.Position, token.End),
        TokenKind.False => new LiteralExpr(false, VariableType.Boolean, token.Position, token.End),
        _ => null,
    };

    private void EnterNesting(Token token)
    {
        if (++nesting > MaxNesting)
        {
            throw Fail(token.Position,
                $"condition is nested too deeply (more than {MaxNesting} levels of '(' or 'not'); simplify it");
        }
    }

    private ParseFailure TrailingToken()
    {
        var token = Current;
        if (token.Kind == TokenKind.CloseParen)
        {
            return Fail(token.Position, "unmatched ')'; remove it or add a matching '('");
        }

        if (token.Kind == TokenKind.Identifier && Lexer.IsKeyword(token.Text.ToLowerInvariant()))
        {
            return Fail(token.Position,
                $"unexpected '{token.Text}'; keywords are lowercase, write '{token.Text.ToLowerInvariant()}'");
        }

        return Fail(token.Position,
            $"unexpected {token.Describe()} after a complete condition; join conditions with 'and' or 'or'");
    }

    // Unwinds the whole descent at the first error; caught in Parse, never escapes the parser.
    private sealed class ParseFailure(ConditionError error) : Exception(error.Message)
    {
        public ConditionError Error { get; } = error;
    }
}
