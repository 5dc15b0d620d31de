namespace ReferralFlow.Engine.Conditions;

public static class ConditionCompiler
{
    public static ConditionCompileResult Compile(string text, IReadOnlyDictionary<string, VariableType> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ConditionCompileResult(null, [new ConditionError(0,
                "condition is empty; write a true/false expression, e.g. person.isChild or risk.level == 'high'")]);
        }

        var lexed = Lexer.Tokenize(text);
        var errors = new List<ConditionError>();
        Expr? root = null;
        if (lexed.Error is { } lexError)
        {
            errors.Add(lexError);
        }
        else
        {
            var parsed = Parser.Parse(lexed.Tokens);
            root = parsed.Expression;
            if (parsed.Error is { } parseError)
            {
                errors.Add(parseError);
            }
        }

        // The token that broke parsing is usually a typo of syntax, not a variable; don't report it twice.
        errors.AddRange(UnknownVariables.Find(lexed.Tokens, variables, skipPosition: errors.FirstOrDefault()?.Position));
        if (root is not null)
        {
            errors.AddRange(TypeChecker.Check(root, text, variables));
        }

        if (errors.Count > 0)
        {
            return new ConditionCompileResult(null, errors.OrderBy(error => error.Position).ToList());
        }

        var referenced = lexed.Tokens
            .Where(token => token.Kind == TokenKind.Identifier)
            .Select(token => token.Text)
            .Distinct(StringComparer.Ordinal)
            .Select(name => KeyValuePair.Create(name, variables[name]))
            .ToList();
        return new ConditionCompileResult(new Condition(text, root!, referenced), []);
    }
}
