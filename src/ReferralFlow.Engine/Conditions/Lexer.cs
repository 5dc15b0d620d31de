using System.Globalization;
using System.Text;

namespace ReferralFlow.Engine.Conditions;

internal sealed record LexResult(IReadOnlyList<Token> Tokens, ConditionError? Error);

// Stops at the first bad character: after that, token boundaries are guesswork and later errors would mislead.
internal sealed class Lexer
{
    private static readonly Dictionary<string, TokenKind> Keywords = new(StringComparer.Ordinal)
    {
        ["and"] = TokenKind.And,
        ["or"] = TokenKind.Or,
        ["not"] = TokenKind.Not,
        ["in"] = TokenKind.In,
        ["true"] = TokenKind.True,
        ["false"] = TokenKind.False,
    };

    private readonly string text;
    private readonly List<Token> tokens = [];
    private int pos;

    private Lexer(string text) => this.text = text;

    public static bool IsKeyword(string word) => Keywords.ContainsKey(word);

    public static LexResult Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var error = lexer.Run();
        return new LexResult(lexer.tokens, error);
    }

    private ConditionError? Run()
    {
        while (true)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }

            if (pos >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, pos, ""));
                return null;
            }

            if (ReadToken() is { } error)
            {
                return error;
            }
        }
    }

    private char Peek(int offset) => pos + offset < text.Length ? text[pos + offset] : '\0';

    private ConditionError? ReadToken()
    {
        var c = text[pos];
        if (char.IsAsciiLetter(c))
        {
            return ReadWord();
        }

        if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
        {
            return ReadNumber();
        }

        if (c == '\'')
        {
            var start = pos;
            if (ReadQuoted(out var value) is { } error)
            {
                return error;
            }

            tokens.Add(new Token(TokenKind.String, start, text[start..pos], value));
            return null;
        }

        var kind = (c, Peek(1)) switch
        {
            ('=', '=') => TokenKind.Equal,
            ('!', '=') => TokenKind.NotEqual,
            ('<', '=') => TokenKind.LessOrEqual,
            ('>', '=') => TokenKind.GreaterOrEqual,
            ('<', _) => TokenKind.Less,
            ('>', _) => TokenKind.Greater,
            ('(', _) => TokenKind.OpenParen,
            (')', _) => TokenKind.CloseParen,
            ('[', _) => TokenKind.OpenBracket,
            (']', _) => TokenKind.CloseBracket,
            (',', _) => TokenKind.Comma,
            _ => (TokenKind?)null,
        };
        if (kind is null)
        {
            return UnexpectedCharacter(c);
        }

        var length = kind is TokenKind.Equal or TokenKind.NotEqual or TokenKind.LessOrEqual or TokenKind.GreaterOrEqual
            ? 2
            : 1;
        tokens.Add(new Token(kind.Value, pos, text.Substring(pos, length)));
        pos += length;
        return null;
    }

    private ConditionError? ReadWord()
    {
        var start = pos;
        while (true)
        {
            pos++; // the segment's leading letter
            while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '-'))
            {
                pos++;
            }

            if (Peek(0) != '.')
            {
                break;
            }

            if (!char.IsAsciiLetter(Peek(1)))
            {
                return new ConditionError(pos,
                    $"'{text[start..(pos + 1)]}' is not a valid variable name; each part after '.' must start with a letter, e.g. risk.level");
            }

            pos++;
        }

        var word = text[start..pos];
        if (word == "date" && Peek(0) == '\'')
        {
            return ReadDate(start);
        }

        var kind = Keywords.GetValueOrDefault(word, TokenKind.Identifier);
        tokens.Add(new Token(kind, start, word));
        return null;
    }

    private ConditionError? ReadDate(int start)
    {
        if (ReadQuoted(out var value) is { } error)
        {
            return error;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new ConditionError(start,
                $"invalid date '{value}'; write dates as date'YYYY-MM-DD', e.g. date'2026-01-31'");
        }

        tokens.Add(new Token(TokenKind.Date, start, text[start..pos], date));
        return null;
    }

    private ConditionError? ReadQuoted(out string value)
    {
        var quote = pos;
        var builder = new StringBuilder();
        value = "";
        pos++;
        while (true)
        {
            if (pos >= text.Length || (text[pos] == '\\' && pos + 1 >= text.Length))
            {
                return new ConditionError(quote,
                    $"unterminated string starting at {quote}; end it with ' (write \\' for a quote inside the text)");
            }

            var c = text[pos];
            if (c == '\'')
            {
                pos++;
                value = builder.ToString();
                return null;
            }

            if (c == '\\')
            {
                var escaped = text[pos + 1];
                if (escaped is not ('\'' or '\\'))
                {
                    return new ConditionError(pos,
                        $"unsupported escape '\\{escaped}'; only \\' (quote) and \\\\ (backslash) may follow a backslash");
                }

                builder.Append(escaped);
                pos += 2;
                continue;
            }

            builder.Append(c);
            pos++;
        }
    }

    private ConditionError? ReadNumber()
    {
        var start = pos;
        pos++; // a digit or the sign
        while (char.IsAsciiDigit(Peek(0)))
        {
            pos++;
        }

        if (Peek(0) == '.')
        {
            if (!char.IsAsciiDigit(Peek(1)))
            {
                return new ConditionError(pos,
                    $"expected digits after '.' in number '{text[start..(pos + 1)]}'; write decimals like 2.5");
            }

            pos++;
            while (char.IsAsciiDigit(Peek(0)))
            {
                pos++;
            }
        }

        var raw = text[start..pos];
        if (!decimal.TryParse(raw, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var number))
        {
            return new ConditionError(start,
                $"number {raw} is too large; use a number between -79228162514264337593543950335 and 79228162514264337593543950335");
        }

        tokens.Add(new Token(TokenKind.Number, start, raw, number));
        return null;
    }

    private ConditionError UnexpectedCharacter(char c)
    {
        var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
        var message = c switch
        {
            '=' => "'=' is not an operator; use '==' to compare",
            '!' => "'!' is not supported; use 'not' to negate or '!=' to compare",
            '&' => "'&' is not supported; use 'and' to combine conditions",
            '|' => "'|' is not supported; use 'or' to combine conditions",
            '"' => "strings use single quotes; write 'text' instead of \"text\"",
            '-' => "'-' must be followed directly by digits to write a negative number, e.g. -1",
            '.' => "unexpected '.'; numbers need a digit before the point (0.5) and variable names have no spaces (risk.level)",
            _ => $"unexpected character {shown}; conditions are built from variables, 'text', numbers, true/false, "
                + "date'YYYY-MM-DD', == != < <= > >=, in [...], and, or, not and parentheses",
        };
        return new ConditionError(pos, message);
    }
}
