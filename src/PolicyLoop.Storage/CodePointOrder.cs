namespace PolicyLoop.Storage;

/// <summary>
/// Compares strings by Unicode code point, which is the byte order of their UTF-8 text and so the
/// order in which DuckDB sorts text. Ordinal comparison of .NET strings compares UTF-16 code units
/// instead, and puts characters from U+E000 to U+FFFF after those beyond U+FFFF.
/// </summary>
internal static class CodePointOrder
{
    public static int Compare(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        var at = left.AsSpan(0, length).CommonPrefixLength(right.AsSpan(0, length));
        return at < length ? Rank(left[at]) - Rank(right[at]) : left.Length - right.Length;
    }

    /// <summary>
    /// Moves surrogates above the rest of the Basic Multilingual Plane: a surrogate stands for a
    /// code point beyond U+FFFF, so it must rank after every character from U+E000 to U+FFFF.
    /// </summary>
    private static int Rank(char c) => c switch
    {
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
