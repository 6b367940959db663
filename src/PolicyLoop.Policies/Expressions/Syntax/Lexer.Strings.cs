using System.Globalization;
using System.Text;

namespace PolicyLoop.Policies.Expressions.Syntax;

internal sealed partial class Lexer
{
    private Token ReadString()
    {
        var start = _position;
        var isRaw = false;
        var isBytes = false;
        while (!IsQuote(_source[_position]))
        {
            isRaw |= _source[_position] is 'r' or 'R';
            isBytes |= _source[_position] is 'b' or 'B';
            _position++;
        }

        var quote = _source[_position];
        var isTriple = Peek(1) == quote && Peek(2) == quote;
        _position += isTriple ? 3 : 1;
        var buffer = new List<byte>();
        var text = new StringBuilder();
        while (true)
        {
            if (_position >= _source.Length)
            {
                throw new SyntaxException("unterminated string literal", start, _position - start, "close the string with its opening quote");
            }

            var c = _source[_position];
            if (IsClosingQuote(c, quote, isTriple))
            {
                _position += isTriple ? 3 : 1;
                break;
            }

            if (!isTriple && c is '\n' or '\r')
            {
                throw new SyntaxException("newline in string literal", start, _position - start, "use \\n or a triple-quoted string");
            }

            if (c == '\\' && !isRaw)
            {
                ReadEscape(text, buffer, isBytes);
            }
            else
            {
                AppendChar(text, buffer, isBytes);
            }
        }

        return isBytes
            ? new Token(TokenKind.Bytes, start, _position - start, buffer.ToArray())
            : new Token(TokenKind.String, start, _position - start, text.ToString());
    }

    private bool IsClosingQuote(char c, char quote, bool isTriple) =>
        c == quote && (!isTriple || (Peek(1) == quote && Peek(2) == quote));

    private void AppendChar(StringBuilder text, List<byte> buffer, bool isBytes)
    {
        var length = char.IsHighSurrogate(_source[_position]) && _position + 1 < _source.Length ? 2 : 1;
        var piece = _source.Substring(_position, length);
        _position += length;
        if (isBytes)
        {
            buffer.AddRange(Encoding.UTF8.GetBytes(piece));
        }
        else
        {
            text.Append(piece);
        }
    }

    private void ReadEscape(StringBuilder text, List<byte> buffer, bool isBytes)
    {
        var escapeStart = _position;
        _position++;
        if (_position >= _source.Length)
        {
            throw new SyntaxException("unterminated escape sequence", escapeStart, 1);
        }

        var c = _source[_position++];
        int? simple = c switch
        {
            'a' => 7,
            'b' => 8,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            '`' => '`',
            '?' => '?',
            _ => null,
        };
        if (simple is { } code)
        {
            AppendCode(text, buffer, isBytes, code, isByte: true);
            return;
        }

        switch (c)
        {
            case 'x' or 'X':
                AppendCode(text, buffer, isBytes, ReadCode(2, 16, escapeStart), isByte: true);
                break;
            case 'u':
                AppendUnicode(text, buffer, isBytes, ReadCode(4, 16, escapeStart), escapeStart);
                break;
            case 'U':
                AppendUnicode(text, buffer, isBytes, ReadCode(8, 16, escapeStart), escapeStart);
                break;
            case >= '0' and <= '3':
                _position--;
                AppendCode(text, buffer, isBytes, ReadCode(3, 8, escapeStart), isByte: true);
                break;
            default:
                throw new SyntaxException($"invalid escape sequence \\{c}", escapeStart, 2,
                    "write regexes as raw strings such as r'\\d+'; valid escapes are \\n \\t \\\\ \\' \\\" \\xHH \\uHHHH");
        }
    }

    private int ReadCode(int digits, int radix, int escapeStart)
    {
        if (_position + digits > _source.Length)
        {
            throw new SyntaxException("truncated escape sequence", escapeStart, _source.Length - escapeStart);
        }

        var text = _source.Substring(_position, digits);
        var style = radix == 16 ? NumberStyles.AllowHexSpecifier : NumberStyles.None;
        var valid = radix == 16
            ? int.TryParse(text, style, CultureInfo.InvariantCulture, out var value)
            : TryParseOctal(text, out value);
        if (!valid)
        {
            throw new SyntaxException($"invalid escape sequence digits '{text}'", escapeStart, digits + 2);
        }

        _position += digits;
        return value;
    }

    private static bool TryParseOctal(string text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }

        return true;
    }

    private static void AppendCode(StringBuilder text, List<byte> buffer, bool isBytes, int code, bool isByte)
    {
        if (isBytes && isByte)
        {
            buffer.Add((byte)code);
        }
        else if (isBytes)
        {
            buffer.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(code)));
        }
        else
        {
            text.Append(char.ConvertFromUtf32(code));
        }
    }

    private static void AppendUnicode(StringBuilder text, List<byte> buffer, bool isBytes, int code, int escapeStart)
    {
        if (code is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw new SyntaxException($"invalid Unicode code point U+{code:X}", escapeStart, 2);
        }

        AppendCode(text, buffer, isBytes, code, isByte: false);
    }
}
