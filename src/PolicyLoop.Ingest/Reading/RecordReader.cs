using System.Text;
using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Reading;

/// <summary>
/// Splits an input into line records with exact line numbers and byte offsets. It decompresses
/// gzip, recognised by its magic bytes rather than the file name. It skips a UTF-8 byte order
/// mark, transcodes UTF-16 input that starts with a byte order mark and strips CR before LF.
/// Records longer than the limit are cut instead of buffered whole. An input that starts with '[' is
/// split into one record per JSON array element instead of per line.
/// </summary>
public sealed partial class RecordReader : IDisposable
{
    private readonly Stream _stream;
    private readonly GzipReadStream? _gzip;
    private readonly Stream _compressed;
    private readonly RecordReaderOptions _options;
    private readonly string _name;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scan;
    private bool _endOfInput;
    private long _bufferOffset;
    private long _line;
    private byte[]? _oversizedHead;

    private RecordReader(string name, Stream compressed, Stream decoded, GzipReadStream? gzip, byte[] prefix,
        int prefixLength, RecordReaderOptions options)
    {
        _name = name;
        _compressed = compressed;
        _stream = decoded;
        _gzip = gzip;
        _options = options;
        _buffer = new byte[Math.Max(options.PrefixBytes, 256 * 1024)];
        prefix.AsSpan(0, prefixLength).CopyTo(_buffer);
        _end = prefixLength;
        Identity = InputIdentity.FromPrefix(name, Prefix);
    }

    /// <summary>The input's content identity, from its first line.</summary>
    public InputIdentity Identity { get; private set; }

    /// <summary>The first bytes of the decoded input, for format detection. Valid until the first read.</summary>
    public ReadOnlySpan<byte> Prefix => _buffer.AsSpan(_start, _end - _start);

    /// <summary>True when the input was gzip-compressed.</summary>
    public bool Compressed => _gzip is not null;

    /// <summary>How the input's text was encoded, when it was not plain UTF-8.</summary>
    public string? Transcoded { get; private set; }

    /// <summary>Empty lines seen; they are not records.</summary>
    public long BlankLines { get; private set; }

    /// <summary>Lines read so far, blank lines included.</summary>
    public long Line => _line;

    /// <summary>
    /// True when a later read can continue from a byte offset: plain line-oriented text, not gzip,
    /// not transcoded and not a JSON array.
    /// </summary>
    public bool Appendable => _gzip is null && Transcoded is null && !_arrayMode;

    /// <summary>Bytes consumed from the underlying file or stream, for progress reporting.</summary>
    public long SourcePosition => _gzip?.CompressedPosition ?? Math.Max(_bufferOffset + _start, _arrayBytesRead);

    /// <summary>Opens an input stream, reading ahead its first bytes.</summary>
    public static RecordReader Open(string name, Stream source, RecordReaderOptions? options = null)
    {
        options ??= new RecordReaderOptions();
        var magic = new byte[2];
        string? problem = null;
        var magicLength = ReadAtLeast(source, magic, 2, ref problem);
        Stream decoded = new PrefixedStream(magic, magicLength, source);
        GzipReadStream? gzip = null;
        if (magicLength == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            gzip = new GzipReadStream(decoded);
            decoded = gzip;
        }

        var prefix = new byte[options.PrefixBytes];
        var prefixLength = ReadAtLeast(decoded, prefix, 4, ref problem);
        var (encoding, bomLength) = DetectByteOrderMark(prefix.AsSpan(0, prefixLength));
        if (encoding is not null && problem is null)
        {
            decoded = Encoding.CreateTranscodingStream(
                new PrefixedStream(prefix[bomLength..prefixLength], prefixLength - bomLength, decoded),
                encoding,
                Encoding.UTF8);
            prefixLength = 0;
        }

        if (problem is null)
        {
            var rest = prefix.AsSpan(prefixLength);
            prefixLength += ReadAtLeast(decoded, rest, rest.Length, ref problem);
        }

        var reader = new RecordReader(name, source, decoded, gzip, prefix, prefixLength, options)
        {
            Transcoded = problem is null ? encoding?.WebName : null,
            _prefixProblem = problem,
        };
        reader.SkipUtf8ByteOrderMark();
        reader.DetectJsonArray();
        return reader;
    }

    /// <summary>
    /// Continues a line-oriented UTF-8 input read before: <paramref name="source"/> starts at byte
    /// <paramref name="offset"/> of the whole input, after <paramref name="line"/> lines, and
    /// <paramref name="identity"/> is the identity the earlier read used, so that records get the
    /// ids, lines and offsets a read of the whole input would give them.
    /// </summary>
    public static RecordReader Resume(
        string name,
        Stream source,
        InputIdentity identity,
        long offset,
        long line,
        RecordReaderOptions? options = null)
    {
        options ??= new RecordReaderOptions();
        var prefix = new byte[options.PrefixBytes];
        string? problem = null;
        var prefixLength = ReadAtLeast(source, prefix, prefix.Length, ref problem);
        return new RecordReader(name, source, source, null, prefix, prefixLength, options)
        {
            Identity = identity,
            _bufferOffset = offset,
            _line = line,
            _prefixProblem = problem,
        };
    }

    private void SkipUtf8ByteOrderMark()
    {
        if (Prefix.StartsWith("\uFEFF"u8))
        {
            _start += 3;
            _scan = _start;
        }
    }

    private static (Encoding? Encoding, int BomLength) DetectByteOrderMark(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, 2);
        }

        return (null, 0);
    }

    /// <summary>
    /// Reads until <paramref name="minimum"/> bytes or the end of the stream. A corrupt or truncated
    /// compressed stream stops the read and sets <paramref name="problem"/>, keeping the bytes read
    /// so far, so that the records before the damage are still read.
    /// </summary>
    private static int ReadAtLeast(Stream stream, Span<byte> buffer, int minimum, ref string? problem)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            int n;
            try
            {
                n = stream.Read(buffer[total..]);
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

            total += n;
            if (total >= minimum)
            {
                break;
            }
        }

        return total;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _compressed.Dispose();
    }

    private RecordLocation LocationAt(int bufferIndex) => new(_name, _line, _bufferOffset + bufferIndex);
}
