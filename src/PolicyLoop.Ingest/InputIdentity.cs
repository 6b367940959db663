using System.Security.Cryptography;

namespace PolicyLoop.Ingest;

/// <summary>
/// A stable identity of an input's content: a hash of its first line (at most 4 KiB of it, after
/// decompression). It survives renames, moves and appends, so re-ingesting the same log, or a
/// log that has grown, yields the same event ids for the records already seen.
/// </summary>
public sealed class InputIdentity
{
    /// <summary>How many bytes of the first line feed the hash.</summary>
    public const int PrefixBytes = 4096;

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

    /// <summary>The event id of a record that has no id of its own: the input hash and the byte offset.</summary>
    public string EventIdAt(long byteOffset) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Hash}@{byteOffset}");
}
