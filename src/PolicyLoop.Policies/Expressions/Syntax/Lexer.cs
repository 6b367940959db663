using System.Globalization;

namespace PolicyLoop.Policies.Expressions.Syntax;

/// <summary>Splits a CEL expression into tokens; string and number literals carry their decoded value.</summary>
internal sealed partial class Lexer
{
    private readonly string _source;
    private int _position;

    public Lexer(string source)
    {
        _source = source;
    }

    /// <summary>Reads every token; the last one has kind <see cref="TokenKind.End"/>.</summary>
    public List<Token> ReadAll()
    {
        var tokens = new List<Token>();
        while (true)
        {
            var token = Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.End)
            {
                return tokens;
            }
        }
    }

    private Token Next()
    {
        SkipSpaceAndComments();
        if (_position >= _source.Length)
        {
            return new Token(TokenKind.End, _source.Length, 0);
        }

        var c = _source[_position];
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return ReadNumber();
        }

        if (IsQuote(c) || (IsPrefixedString(c)))
        {
            return ReadString();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            return ReadIdentifier();
        }

        return ReadOperator();
    }

    private bool IsPrefixedString(char c)
    {
        if (c is not ('r' or 'R' or 'b' or 'B'))
        {
            return false;
        }

        var next = Peek(1);
        if (IsQuote(next))
        {
            return true;
        }

        var isPair = (c is 'r' or 'R' && next is 'b' or 'B') || (c is 'b' or 'B' && next is 'r' or 'R');
        return isPair && IsQuote(Peek(2));
    }

    private static bool IsQuote(char c) => c is '"' or '\'';

    private char Peek(int ahead) =>
        _position + ahead < _source.Length ? _source[_position + ahead] : '\0';

    private void SkipSpaceAndComments()
    {
        while (_position < _source.Length)
        {
            var c = _source[_position];
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _position++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_position < _source.Length && _source[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private Token ReadIdentifier()
    {
        var start = _position;
        while (_position < _source.Length && (char.IsAsciiLetterOrDigit(_source[_position]) || _source[_position] == '_'))
        {
            _position++;
        }

        var text = _source[start.._position];
        return text == "in"
            ? new Token(TokenKind.In, start, _position - start)
            : new Token(TokenKind.Identifier, start, _position - start, text);
    }

    private Token ReadNumber()
    {
        var start = _position;
        if (_source[_position] == '0' && Peek(1) is 'x' or 'X')
        {
            return ReadHex(start);
        }

        var isDouble = ConsumeDigits() == 0;
        if (_position < _source.Length && _source[_position] == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _position++;
            ConsumeDigits();
            isDouble = true;
        }

        if (_position < _source.Length && _source[_position] is 'e' or 'E')
        {
            ConsumeExponent(start);
            isDouble = true;
        }

        var text = _source[start.._position];
        return isDouble ? ToDouble(text, start) : ToInteger(text, start, NumberStyles.None);
    }

    private Token ReadHex(int start)
    {
        _position += 2;
        var digitsStart = _position;
        while (_position < _source.Length && char.IsAsciiHexDigit(_source[_position]))
        {
            _position++;
        }

        if (_position == digitsStart)
        {
            throw new SyntaxException("invalid hex literal: no digits after 0x", start, 2);
        }

        return ToInteger(_source[digitsStart.._position], start, NumberStyles.AllowHexSpecifier);
    }

    private int ConsumeDigits()
    {
        var start = _position;
        while (_position < _source.Length && char.IsAsciiDigit(_source[_position]))
        {
            _position++;
        }

        return _position - start;
    }

    private void ConsumeExponent(int start)
    {
        _position++;
        if (_position < _source.Length && _source[_position] is '+' or '-')
        {
            _position++;
        }

        if (ConsumeDigits() == 0)
        {
            throw new SyntaxException("invalid number: the exponent has no digits", start, _position - start);
        }
    }

    private Token ToDouble(string text, int start)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Token(TokenKind.Double, start, _position - start, value);
    }

    private Token ToInteger(string digits, int start, NumberStyles style)
    {
        var isUnsigned = _position < _source.Length && _source[_position] is 'u' or 'U';
        if (isUnsigned)
        {
            _position++;
        }

        if (!ulong.TryParse(digits, style, CultureInfo.InvariantCulture, out var magnitude))
        {
            throw new SyntaxException(
                "integer literal out of range", start, _position - start, "integers are 64-bit; use a double for larger values");
        }

        return new Token(isUnsigned ? TokenKind.Uint : TokenKind.Int, start, _position - start, magnitude);
    }
}
