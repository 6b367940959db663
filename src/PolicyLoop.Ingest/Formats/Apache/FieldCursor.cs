using System.Text;

namespace PolicyLoop.Ingest.Formats.Apache;

/// <summary>
/// Walks an access log line field by field in one pass: space-separated tokens, [bracketed]
/// fields and "quoted" fields with backslash escapes. Linear in the line length.
/// </summary>
internal ref struct FieldCursor(string text)
{
    private int _position;

    public string? NextToken()
    {
        SkipSpaces();
        if (_position >= text.Length)
        {
            return null;
        }

        var start = _position;
        while (_position < text.Length && text[_position] != ' ')
        {
            _position++;
        }

        return text[start.._position];
    }

    public string? NextBracketed()
    {
        SkipSpaces();
        if (_position >= text.Length || text[_position] != '[')
        {
            return null;
        }

        var close = text.IndexOf(']', _position + 1);
        if (close < 0)
        {
            return null;
        }

        var value = text[(_position + 1)..close];
        _position = close + 1;
        return value;
    }

    /// <summary>Reads a quoted field; an unterminated one takes the rest of the line.</summary>
    public string? NextQuoted(out bool unterminated)
    {
        unterminated = false;
        SkipSpaces();
        if (_position >= text.Length || text[_position] != '"')
        {
            return null;
        }

        _position++;
        var builder = new StringBuilder();
        while (_position < text.Length)
        {
            var c = text[_position++];
            if (c == '\\' && _position < text.Length)
            {
                builder.Append(Unescape(text[_position++]));
            }
            else if (c == '"')
            {
                return builder.ToString();
            }
            else
            {
                builder.Append(c);
            }
        }

        unterminated = true;
        return builder.ToString();
    }

    private static string Unescape(char c) => c switch
    {
        '"' => "\"",
        '\\' => "\\",
        'n' => "\n",
        't' => "\t",
        _ => "\\" + c,
    };

    private void SkipSpaces()
    {
        while (_position < text.Length && text[_position] == ' ')
        {
            _position++;
        }
    }
}
