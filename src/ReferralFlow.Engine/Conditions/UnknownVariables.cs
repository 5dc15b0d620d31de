namespace ReferralFlow.Engine.Conditions;

internal static class UnknownVariables
{
    private const int MaxListedNames = 10;

    // Works on tokens rather than the tree so unknown names are still reported when the text does not parse.
    public static IEnumerable<ConditionError> Find(
        IEnumerable<Token> tokens, IReadOnlyDictionary<string, VariableType> variables, int? skipPosition)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.Identifier && token.Position != skipPosition
                && !variables.ContainsKey(token.Text) && reported.Add(token.Text))
            {
                yield return new ConditionError(token.Position, Message(token.Text, variables));
            }
        }
    }

    private static string Message(string name, IReadOnlyDictionary<string, VariableType> variables)
    {
        var known = variables.Keys.Order(StringComparer.Ordinal).ToList();
        var suggestion = Suggest(name, known) is { } best ? $" (did you mean '{best}'?)" : "";
        var listed = known.Count switch
        {
            0 => "no variables are declared",
            <= MaxListedNames => $"known: {string.Join(", ", known)}",
            _ => $"known: {string.Join(", ", known.Take(MaxListedNames))} and {known.Count - MaxListedNames} more",
        };
        return $"unknown variable '{name}'{suggestion}; declare it under \"variables\" or fix the name ({listed})";
    }

    private static string? Suggest(string name, IReadOnlyList<string> known)
    {
        var lower = name.ToLowerInvariant();
        if (Lexer.IsKeyword(lower))
        {
            return lower;
        }

        var maxDistance = Math.Max(1, name.Length / 4);
        return known
            .Select(candidate => (candidate, distance: EditDistance(name, candidate)))
            .Where(match => match.distance <= maxDistance)
            .OrderBy(match => match.distance)
            .Select(match => match.candidate)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
