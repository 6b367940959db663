using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Reading;

/// <summary>
/// Splits JSON text held in memory into one record per element of its top-level arrays, with the
/// line number and byte offset of each element's first byte. It tracks strings and nesting only,
/// so an element with invalid JSON inside is still cut out whole and quarantined on its own by
/// the parser. Several arrays in a row are read one after the other, and text outside any array
/// is split into line records.
/// </summary>
internal sealed class JsonArraySplitter(
    string name,
    byte[] data,
    int start,
    int end,
    RecordReaderOptions options,
    string? endProblem)
{
    private int _position = start;
    private long _line = 1;
    private int _depth;
    private bool _endReported;

    public bool TryRead(out RawRecord record)
    {
        while (true)
        {
            SkipWhitespace();
            if (_position >= end)
            {
                return TryReportEnd(out record);
            }

            var next = data[_position];
            if (_depth == 0 && next == (byte)'[')
            {
                _depth = 1;
                _position++;
            }
            else if (_depth == 1 && next is (byte)',' or (byte)']')
            {
                _depth = next == (byte)']' ? 0 : 1;
                _position++;
            }
            else
            {
                record = _depth == 0 ? TakeLine() : TakeElement();
                return true;
            }
        }
    }

    private bool TryReportEnd(out RawRecord record)
    {
        record = default;
        if (_endReported || (endProblem is null && _depth == 0))
        {
            return false;
        }

        _endReported = true;
        var problem = endProblem ?? "the JSON array has no closing ']': the input ends after its last element";
        record = new RawRecord(ReadOnlyMemory<byte>.Empty, new RecordLocation(name, _line, end), 0, problem);
        return true;
    }

    private RawRecord TakeElement()
    {
        var elementStart = _position;
        var location = new RecordLocation(name, _line, elementStart);
        var complete = ScanElement();
        var elementEnd = _position;
        while (elementEnd > elementStart && IsWhitespace(data[elementEnd - 1]))
        {
            elementEnd--;
        }

        string? problem = null;
        if (!complete)
        {
            _endReported = true;
            problem = endProblem ?? "the input ends inside a JSON array element";
        }

        return MakeRecord(elementStart, elementEnd, location, problem);
    }

    /// <summary>Advances to the ',' or ']' that ends the element; returns false when the input ends first.</summary>
    private bool ScanElement()
    {
        var nesting = 0;
        while (_position < end)
        {
            var b = data[_position];
            if (b == (byte)'"')
            {
                if (!SkipString())
                {
                    return false;
                }

                continue;
            }

            if (nesting == 0 && b is (byte)',' or (byte)']')
            {
                return true;
            }

            nesting += b switch
            {
                (byte)'{' or (byte)'[' => 1,
                (byte)'}' or (byte)']' => -1,
                _ => 0,
            };
            CountLine(b);
            _position++;
        }

        return nesting == 0 && endProblem is null;
    }

    private bool SkipString()
    {
        _position++;
        while (_position < end)
        {
            var b = data[_position++];
            CountLine(b);
            if (b == (byte)'\\')
            {
                _position++;
            }
            else if (b == (byte)'"')
            {
                return true;
            }
        }

        return false;
    }

    private RawRecord TakeLine()
    {
        var lineStart = _position;
        var newline = data.AsSpan(lineStart, end - lineStart).IndexOf((byte)'\n');
        var lineEnd = newline < 0 ? end : lineStart + newline;
        _position = lineEnd;
        var contentEnd = lineEnd > lineStart && data[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
        return MakeRecord(lineStart, contentEnd, new RecordLocation(name, _line, lineStart), null);
    }

    private RawRecord MakeRecord(int recordStart, int recordEnd, RecordLocation location, string? problem)
    {
        var length = recordEnd - recordStart;
        if (problem is null && length > options.MaxRecordBytes)
        {
            problem = $"record is {length} bytes, longer than the limit of {options.MaxRecordBytes} bytes";
        }

        var kept = problem is null ? length : Math.Min(length, options.RawCapBytes);
        return new RawRecord(data.AsMemory(recordStart, kept), location, length, problem);
    }

    private void SkipWhitespace()
    {
        while (_position < end && IsWhitespace(data[_position]))
        {
            CountLine(data[_position]);
            _position++;
        }
    }

    private void CountLine(byte b)
    {
        if (b == (byte)'\n')
        {
            _line++;
        }
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
