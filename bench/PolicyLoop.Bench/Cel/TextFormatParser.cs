namespace PolicyLoop.Bench.Cel;

/// <summary>
/// A small parser for the protobuf text format as used by the CEL conformance files: fields with scalar or
/// message values, C-style string escapes, adjacent string concatenation, comments and [extension] names.
/// </summary>
internal sealed class TextFormatParser
{
    private readonly string _text;
    private int _position;

    private TextFormatParser(string text)
    {
        _text = text;
    }

    public static TextMessage Parse(string text)
    {
        var parser = new TextFormatParser(text);
        var message = parser.ReadFields('\0');
        return message;
    }

    private TextMessage ReadFields(char close)
    {
        var message = new TextMessage();
        while (true)
        {
            SkipSpace();
            if (_position >= _text.Length || _text[_position] == close)
            {
                _position++;
                return message;
            }

            var name = ReadName();
            SkipSpace();
            if (_text[_position] == ':')
            {
                _position++;
                SkipSpace();
            }

            message.Fields.Add(new(name, ReadValue()));
            SkipSpace();
            if (_position < _text.Length && _text[_position] is ',' or ';')
            {
                _position++;
            }
        }
    }

    private object ReadValue()
    {
        var c = _text[_position];
        if (c is '{' or '<')
        {
            _position++;
            return ReadFields(c == '{' ? '}' : '>');
        }

        if (c is '"' or '\'')
        {
            var bytes = new List<byte>();
            while (_position < _text.Length && _text[_position] is '"' or '\'')
            {
                bytes.AddRange(ReadString());
                SkipSpace();
            }

            return new TextScalar("", [.. bytes]);
        }

        var start = _position;
        while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]) && _text[_position] is not (',' or ';' or '}' or '>'))
        {
            _position++;
        }

        return new TextScalar(_text[start.._position], null);
    }

    private string ReadName()
    {
        if (_text[_position] == '[')
        {
            var end = _text.IndexOf(']', _position);
            var bracketed = _text[_position..(end + 1)];
            _position = end + 1;
            return bracketed;
        }

        var start = _position;
        while (_position < _text.Length && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] is '_' or '.'))
        {
            _position++;
        }

        if (start == _position)
        {
            throw new FormatException($"unexpected '{_text[_position]}' at offset {_position}");
        }

        return _text[start.._position];
    }

    private List<byte> ReadString()
    {
        var quote = _text[_position++];
        var bytes = new List<byte>();
        while (_text[_position] != quote)
        {
            var c = _text[_position++];
            if (c != '\\')
            {
                var length = char.IsHighSurrogate(c) ? 2 : 1;
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(_text.Substring(_position - 1, length)));
                _position += length - 1;
                continue;
            }

            ReadEscape(bytes);
        }

        _position++;
        return bytes;
    }

    private void ReadEscape(List<byte> bytes)
    {
        var c = _text[_position++];
        switch (c)
        {
            case 'n': bytes.Add(10); break;
            case 't': bytes.Add(9); break;
            case 'r': bytes.Add(13); break;
            case 'a': bytes.Add(7); break;
            case 'b': bytes.Add(8); break;
            case 'f': bytes.Add(12); break;
            case 'v': bytes.Add(11); break;
            case 'x':
                var hexStart = _position;
                while (_position < _text.Length && _position - hexStart < 2 && char.IsAsciiHexDigit(_text[_position]))
                {
                    _position++;
                }

                bytes.Add(Convert.ToByte(_text[hexStart.._position], 16));
                break;
            case 'u' or 'U':
                var digits = c == 'u' ? 4 : 8;
                var code = Convert.ToInt32(_text.Substring(_position, digits), 16);
                _position += digits;
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(char.ConvertFromUtf32(code)));
                break;
            case >= '0' and <= '7':
                var octalStart = _position - 1;
                while (_position < _text.Length && _position - octalStart < 3 && _text[_position] is >= '0' and <= '7')
                {
                    _position++;
                }

                bytes.Add(Convert.ToByte(_text[octalStart.._position], 8));
                break;
            default:
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(c.ToString()));
                break;
        }
    }

    private void SkipSpace()
    {
        while (_position < _text.Length)
        {
            if (char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
            else if (_text[_position] == '#')
            {
                while (_position < _text.Length && _text[_position] != '\n')
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
}
