namespace PolicyLoop.Ingest.Reading;

/// <summary>
/// The JSON array mode of <see cref="RecordReader"/>: an input whose decoded text starts with '['
/// (such as an OPA decision log upload body) is read whole into memory, up to
/// <see cref="RecordReaderOptions.MaxArrayBytes"/>, and split into one record per array element.
/// </summary>
public sealed partial class RecordReader
{
    private bool _arrayMode;
    private JsonArraySplitter? _array;
    private long _arrayBytesRead;

    /// <summary>True when the input is a JSON array, read as one record per element.</summary>
    public bool IsJsonArray => _arrayMode;

    private void DetectJsonArray()
    {
        var text = Prefix.TrimStart(" \t\r\n"u8);
        _arrayMode = !text.IsEmpty && text[0] == (byte)'[';
        if (_arrayMode)
        {
            Identity = InputIdentity.FromLeadingBytes(_name, text);
        }
    }

    private bool TryReadArrayElement(out RawRecord record)
    {
        _array ??= LoadArray();
        return _array.TryRead(out record);
    }

    private JsonArraySplitter LoadArray()
    {
        var limit = _options.MaxArrayBytes;
        var data = new byte[Math.Max(_end, Math.Min(limit, 1 << 20)) + 1];
        _buffer.AsSpan(0, _end).CopyTo(data);
        var length = _end;
        var problem = _prefixProblem;
        while (problem is null && length <= limit)
        {
            if (length == data.Length)
            {
                Array.Resize(ref data, (int)Math.Min((long)data.Length * 2, limit + 1L));
            }

            int n;
            try
            {
                n = _stream.Read(data, length, data.Length - length);
            }
            catch (InvalidDataException ex)
            {
                problem = ex.Message;
                break;
            }

            if (n == 0)
            {
                break;
            }

            length += n;
        }

        _arrayBytesRead = length;
        _buffer = [];
        _end = 0;
        return length > limit ? TooLarge(limit) : new JsonArraySplitter(_name, data, _start, length, _options, problem);
    }

    private JsonArraySplitter TooLarge(int limit)
    {
        var problem = $"the JSON array input is larger than the limit of {limit} bytes that are read into memory; "
            + "convert it to JSON lines with one element per line (for example jq -c '.[]') and ingest that";
        return new JsonArraySplitter(_name, [], 0, 0, _options, problem);
    }
}
