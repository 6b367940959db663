namespace PolicyLoop.Analysis;

/// <summary>
/// FNV-1a, 64 bits, over UTF-16 code units: the same value in every process, unlike
/// <see cref="string.GetHashCode()"/>, so choices keyed by it are reproducible.
/// </summary>
public static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(string text, ulong seed = 0)
    {
        var hash = OffsetBasis ^ seed;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }
}
