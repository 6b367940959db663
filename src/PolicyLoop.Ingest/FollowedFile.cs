using System.Security.Cryptography;
using PolicyLoop.Ingest.Reading;

namespace PolicyLoop.Ingest;

/// <summary>
/// A log file that grows, read a piece at a time: each <see cref="Next"/> gives the complete lines
/// appended since the last <see cref="Advance"/>. The file's identity is the hash of its first bytes;
/// when those change (the file was replaced, as by rotation) or the file is shorter than the offset
/// (truncated), reading starts again from the start. A line without its newline yet waits for it.
/// Gzip, UTF-16 and JSON-array files cannot be continued and are read whole each time.
/// </summary>
public sealed class FollowedFile
{
    /// <summary>How many leading bytes identify the file.</summary>
    public const int IdentityBytes = 4096;

    private const int TailChunk = 64 * 1024;

    private readonly InputContinuation _continuation = new();
    private byte[] _headHash = [];
    private int _headLength;

    public FollowedFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    public string Path { get; }

    /// <summary>The byte offset up to which the file has been read.</summary>
    public long Offset => _continuation.Offset;

    /// <summary>
    /// Returns the input for the complete lines appended since the last read, or null when there
    /// are none (or the file does not exist yet). <paramref name="note"/> reports when the file was
    /// found truncated or replaced.
    /// </summary>
    public FollowedSegment? Next(out string? note)
    {
        note = null;
        if (!File.Exists(Path))
        {
            return null;
        }

        using var file = File.OpenRead(Path);
        if (_continuation.Offset > 0 && (file.Length < _continuation.Offset || !SameHead(file)))
        {
            note = file.Length < _continuation.Offset
                ? $"{Path} is shorter than before (truncated); reading it again from the start"
                : $"{Path} was replaced (its first bytes changed); reading it again from the start";
            _continuation.Reset();
            _headHash = [];
            _headLength = 0;
        }

        if (_continuation.Identity is null && !CanContinue(file))
        {
            _continuation.Appendable = false;
        }

        if (!_continuation.Appendable)
        {
            return new FollowedSegment(new InputSpec(Path, () => File.OpenRead(Path), file.Length), file.Length);
        }

        var start = _continuation.Offset;
        var end = EndOfLastLine(file, start);
        if (end <= start)
        {
            return null;
        }

        var spec = new InputSpec(Path, () => new BoundedReadStream(File.OpenRead(Path), start, end), end - start, Continuation: _continuation);
        return new FollowedSegment(spec, end);
    }

    /// <summary>Records that <paramref name="segment"/> was ingested, so the next read starts after it.</summary>
    public void Advance(FollowedSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        _continuation.Offset = _continuation.Appendable ? segment.End : 0;
        if (_headLength < IdentityBytes && _continuation.Appendable)
        {
            using var file = File.OpenRead(Path);
            _headLength = (int)Math.Min(IdentityBytes, segment.End);
            _headHash = HashHead(file, _headLength);
        }
    }

    private bool SameHead(FileStream file) =>
        _headLength == 0 || HashHead(file, _headLength).AsSpan().SequenceEqual(_headHash);

    private static byte[] HashHead(FileStream file, int length)
    {
        var bytes = new byte[length];
        file.Seek(0, SeekOrigin.Begin);
        var read = file.ReadAtLeast(bytes, length, throwOnEndOfStream: false);
        return SHA256.HashData(bytes.AsSpan(0, read));
    }

    /// <summary>False for gzip, UTF-16 with a byte order mark, or a JSON array: inputs read whole.</summary>
    private static bool CanContinue(FileStream file)
    {
        var start = new byte[64];
        file.Seek(0, SeekOrigin.Begin);
        var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var bytes = start.AsSpan(0, read);
        var text = bytes.TrimStart(" \t\r\n"u8);
        return !(bytes.StartsWith((ReadOnlySpan<byte>)[0x1f, 0x8b])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0xff, 0xfe])
            || bytes.StartsWith((ReadOnlySpan<byte>)[0xfe, 0xff])
            || (!text.IsEmpty && text[0] == (byte)'['));
    }

    /// <summary>The offset just past the last newline at or after <paramref name="start"/>, or <paramref name="start"/>.</summary>
    private static long EndOfLastLine(FileStream file, long start)
    {
        var buffer = new byte[TailChunk];
        for (var chunkEnd = file.Length; chunkEnd > start;)
        {
            var chunkStart = Math.Max(start, chunkEnd - TailChunk);
            var length = (int)(chunkEnd - chunkStart);
            file.Seek(chunkStart, SeekOrigin.Begin);
            file.ReadExactly(buffer, 0, length);
            var newline = buffer.AsSpan(0, length).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                return chunkStart + newline + 1;
            }

            chunkEnd = chunkStart;
        }

        return start;
    }
}
