using System.Text;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// A direct-mapped cache from short UTF-8 values to strings. Log fields such as hosts, paths and
/// user agents repeat a few values, so reusing one string per value saves most of their
/// allocations. A collision replaces the older entry. Not thread-safe.
/// </summary>
internal sealed class Utf8StringCache(int capacity = 8192)
{
    /// <summary>Longer values are decoded each time; few long values repeat.</summary>
    public const int MaxValueBytes = 256;

    // 32-bit FNV-1a: short keys, no need for a stronger hash.
    private const uint FnvOffsetBasis = 2166136261u;
    private const uint FnvPrime = 16777619u;

    private readonly Entry[] _entries = new Entry[capacity];

    /// <summary>Returns the string for <paramref name="utf8"/>, made by <paramref name="create"/> on a miss.</summary>
    public string GetOrAdd(ReadOnlySpan<byte> utf8, Func<ReadOnlySpan<byte>, string>? create = null)
    {
        if (utf8.Length > MaxValueBytes)
        {
            return Create(utf8, create);
        }

        var hash = FnvOffsetBasis;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * FnvPrime;
        }

        ref var entry = ref _entries[hash % (uint)_entries.Length];
        if (entry.Key is { } key && entry.Hash == hash && utf8.SequenceEqual(key))
        {
            return entry.Value;
        }

        var value = Create(utf8, create);
        entry = new Entry(hash, utf8.ToArray(), value);
        return value;
    }

    private static string Create(ReadOnlySpan<byte> utf8, Func<ReadOnlySpan<byte>, string>? create) =>
        create is null ? Encoding.UTF8.GetString(utf8) : create(utf8);

    private readonly record struct Entry(uint Hash, byte[]? Key, string Value);
}
