namespace PolicyLoop.Policies.Expressions.Syntax;

internal sealed partial class Lexer
{
    private Token ReadOperator()
    {
        var start = _position;
        var c = _source[_position];
        var next = Peek(1);
        var (kind, length) = (c, next) switch
        {
            ('=', '=') => (TokenKind.Equal, 2),
            ('!', '=') => (TokenKind.NotEqual, 2),
            ('<', '=') => (TokenKind.LessOrEqual, 2),
            ('>', '=') => (TokenKind.GreaterOrEqual, 2),
            ('&', '&') => (TokenKind.And, 2),
            ('|', '|') => (TokenKind.Or, 2),
            ('(', _) => (TokenKind.LeftParen, 1),
            (')', _) => (TokenKind.RightParen, 1),
            ('[', _) => (TokenKind.LeftBracket, 1),
            (']', _) => (TokenKind.RightBracket, 1),
            ('{', _) => (TokenKind.LeftBrace, 1),
            ('}', _) => (TokenKind.RightBrace, 1),
            ('.', _) => (TokenKind.Dot, 1),
            (',', _) => (TokenKind.Comma, 1),
            (':', _) => (TokenKind.Colon, 1),
            ('?', _) => (TokenKind.Question, 1),
            ('+', _) => (TokenKind.Plus, 1),
            ('-', _) => (TokenKind.Minus, 1),
            ('*', _) => (TokenKind.Star, 1),
            ('/', _) => (TokenKind.Slash, 1),
            ('%', _) => (TokenKind.Percent, 1),
            ('!', _) => (TokenKind.Bang, 1),
            ('<', _) => (TokenKind.Less, 1),
            ('>', _) => (TokenKind.Greater, 1),
            _ => (TokenKind.End, 0),
        };

        if (length == 0)
        {
            throw new SyntaxException(UnexpectedCharacterMessage(c), start, 1, HintFor(c));
        }

        _position += length;
        return new Token(kind, start, length);
    }

    private static string UnexpectedCharacterMessage(char c) =>
        char.IsControl(c) ? $"unexpected control character U+{(int)c:X4}" : $"unexpected character '{c}'";

    private static string? HintFor(char c) => c switch
    {
        '=' => "use == to compare",
        '&' => "use && for logical and",
        '|' => "use || for logical or",
        _ => null,
    };
}
