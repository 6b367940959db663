using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace PolicyLoop.Ingest;

/// <summary>
/// Gives records without an id of their own a stable one, derived from their content: 32 hex
/// digits of the SHA-256 of the record's bytes, followed by <c>#n</c> for the n-th earlier record
/// of the same input with identical bytes (two identical access log lines in the same second are
/// two requests). The id does not depend on the file's name, its first line or the record's
/// offset. So re-ingesting a log, a log that has grown, a rotated copy or overlapping extracts
/// stores each record once, and different logs that share a first line do not collide.
/// </summary>
public sealed class InputIdentity
{
    /// <summary>How many bytes of the first line feed the input hash.</summary>
    public const int PrefixBytes = 4096;

    // NOTE: past this many distinct records the occurrence counts restart, so an identical record
    // that repeats more than this many distinct records later is taken as a duplicate of the first.
    private const int MaxTrackedRecords = 2_000_000;

    private readonly Dictionary<ulong, int> _occurrences = [];
    private long _currentOffset = -1;
    private string? _currentId;

    private InputIdentity(string name, string hash)
    {
        Name = name;
        Hash = hash;
    }

    /// <summary>The input as the user named it (a path, or <c>-</c> for standard input).</summary>
    public string Name { get; }

    /// <summary>Sixteen hex digits of the SHA-256 of the first line.</summary>
    public string Hash { get; }

    public static InputIdentity FromPrefix(string name, ReadOnlySpan<byte> start)
    {
        var end = start.IndexOf((byte)'\n');
        return FromLeadingBytes(name, end < 0 ? start : start[..end]);
    }

    /// <summary>
    /// Returns the identity of an input that is not line-oriented, such as a JSON array, from its
    /// first <see cref="PrefixBytes"/> bytes across line breaks. A pretty-printed array's first line
    /// is only "[", which would give every such input the same identity.
    /// </summary>
    public static InputIdentity FromLeadingBytes(string name, ReadOnlySpan<byte> start)
    {
        var hashed = start.Length > PrefixBytes ? start[..PrefixBytes] : start;
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(hashed, digest);
        return new InputIdentity(name, Convert.ToHexStringLower(digest[..8]));
    }

    /// <summary>
    /// Computes the content id of the record about to be parsed. <paramref name="length"/> is the
    /// record's full length, which differs from the bytes' length for an oversized record's head.
    /// </summary>
    public void BeginRecord(ReadOnlySpan<byte> bytes, long length, long byteOffset)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        if (length != bytes.Length)
        {
            Span<byte> withLength = stackalloc byte[SHA256.HashSizeInBytes + sizeof(long)];
            digest.CopyTo(withLength);
            BinaryPrimitives.WriteInt64LittleEndian(withLength[SHA256.HashSizeInBytes..], length);
            SHA256.HashData(withLength, digest);
        }

        var key = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        var earlier = _occurrences.GetValueOrDefault(key);
        if (_occurrences.Count >= MaxTrackedRecords && earlier == 0)
        {
            _occurrences.Clear();
        }

        _occurrences[key] = earlier + 1;
        var hex = Convert.ToHexStringLower(digest[..16]);
        _currentId = earlier == 0 ? hex : string.Create(CultureInfo.InvariantCulture, $"{hex}#{earlier}");
        _currentOffset = byteOffset;
    }

    /// <summary>
    /// Returns the id of the record at <paramref name="byteOffset"/> for a record that has no id of
    /// its own: its content id when it is the record begun last, else the input hash and the offset.
    /// </summary>
    public string EventIdAt(long byteOffset) => byteOffset == _currentOffset && _currentId is not null
        ? _currentId
        : string.Create(CultureInfo.InvariantCulture, $"{Hash}@{byteOffset}");
}
