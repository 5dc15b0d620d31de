namespace ReferralFlow.Engine.Conditions;

internal enum TokenKind
{
    Identifier,
    String,
    Number,
    Date,
    True,
    False,
    And,
    Or,
    Not,
    In,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    End,
}

// Value holds the parsed literal (string, decimal, DateOnly) so the parser never re-reads source text.
internal readonly record struct Token(TokenKind Kind, int Position, string Text, object? Value = null)
{
    public int End => Position + Text.Length;

    // String and date tokens already carry their quotes; everything else gets quoted for messages.
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the condition",
        TokenKind.String or TokenKind.Date => Text,
        _ => $"'{Text}'",
    };
}
