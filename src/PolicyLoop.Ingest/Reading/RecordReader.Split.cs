namespace PolicyLoop.Ingest.Reading;

/// <summary>The line splitting of <see cref="RecordReader"/>.</summary>
public sealed partial class RecordReader
{
    /// <summary>
    /// Reads the next non-empty line, or the next element in JSON array mode. Returns false at the
    /// end of input. A truncated or corrupt compressed stream ends the input with a final record
    /// whose <see cref="RawRecord.Problem"/> says so, holding the partial line if there was one.
    /// </summary>
    public bool TryRead(out RawRecord record)
    {
        if (_arrayMode)
        {
            return TryReadArrayElement(out record);
        }

        while (true)
        {
            var newline = _buffer.AsSpan(_scan, _end - _scan).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = _scan + newline;
                if (TakeLine(lineEnd, lineEnd + 1, out record))
                {
                    return true;
                }

                continue;
            }

            _scan = _end;
            if (_endOfInput)
            {
                return TakeLastLine(out record);
            }

            if (!FillBuffer(out var readProblem))
            {
                record = ProblemRecord(readProblem);
                return true;
            }
        }
    }

    private bool TakeLine(int lineEnd, int next, out RawRecord record)
    {
        _line++;
        var start = _start;
        var contentEnd = lineEnd > start && _buffer[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
        _start = next;
        _scan = next;

        if (_oversizedHead is { } head)
        {
            var length = _oversizedLength + (contentEnd - start);
            _oversizedHead = null;
            record = new RawRecord(head, LocationAtOffset(_oversizedOffset), length,
                $"record is {length} bytes, longer than the limit of {_options.MaxRecordBytes} bytes");
            return true;
        }

        if (contentEnd == start)
        {
            BlankLines++;
            record = default;
            return false;
        }

        record = new RawRecord(_buffer.AsMemory(start, contentEnd - start), LocationAt(start), contentEnd - start);
        return true;
    }

    private bool TakeLastLine(out RawRecord record)
    {
        if (_start < _end || _oversizedHead is not null)
        {
            var taken = TakeLine(_end, _end, out record);
            if (taken)
            {
                return true;
            }
        }

        record = default;
        return false;
    }

    private long _oversizedLength;
    private long _oversizedOffset;
    private string? _pendingProblem;
    private string? _prefixProblem;

    private bool FillBuffer(out string problem)
    {
        problem = "";
        if (_prefixProblem is not null)
        {
            // The input broke off while its first bytes were read ahead.
            problem = _prefixProblem;
            _prefixProblem = null;
            _endOfInput = true;
            return false;
        }

        MakeRoom();
        try
        {
            var n = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _endOfInput = true;
            }

            _end += n;
            return true;
        }
        catch (InvalidDataException ex)
        {
            _endOfInput = true;
            problem = ex.Message;
            return false;
        }
    }

    private void MakeRoom()
    {
        if (_end < _buffer.Length)
        {
            return;
        }

        var pending = _end - _start;
        if (pending >= _options.MaxRecordBytes)
        {
            KeepOversizedHead(pending);
            return;
        }

        if (_start == 0)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _options.MaxRecordBytes + 1));
            return;
        }

        _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        _bufferOffset += _start;
        _scan -= _start;
        _end = pending;
        _start = 0;
    }

    private void KeepOversizedHead(int pending)
    {
        // The record is too long to parse: keep its head for the quarantine and drop the rest as it streams by.
        if (_oversizedHead is null)
        {
            _oversizedHead = _buffer.AsSpan(_start, Math.Min(pending, _options.RawCapBytes)).ToArray();
            _oversizedOffset = _bufferOffset + _start;
            _oversizedLength = 0;
        }

        _oversizedLength += pending;
        _bufferOffset += _end;
        _start = 0;
        _scan = 0;
        _end = 0;
    }

    private RawRecord ProblemRecord(string problem)
    {
        _pendingProblem = problem;
        var head = _oversizedHead ?? _buffer.AsSpan(_start, Math.Min(_end - _start, _options.RawCapBytes)).ToArray();
        var offset = _oversizedHead is null ? _bufferOffset + _start : _oversizedOffset;
        var length = _oversizedLength + (_end - _start);
        _oversizedHead = null;
        _line++;
        _start = _end;
        _scan = _end;
        return new RawRecord(head, LocationAtOffset(offset), length, _pendingProblem);
    }

    private Core.RecordLocation LocationAtOffset(long offset) => new(_name, _line, offset);
}
