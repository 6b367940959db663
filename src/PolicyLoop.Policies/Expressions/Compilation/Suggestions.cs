namespace PolicyLoop.Policies.Expressions.Compilation;

/// <summary>Finds the known name closest to a misspelt one, for did-you-mean hints.</summary>
internal static class Suggestions
{
    public static string? Hint(string name, IEnumerable<string> known)
    {
        var best = known
            .Select(candidate => (candidate, distance: Distance(name, candidate)))
            .Where(pair => pair.distance <= Math.Max(2, name.Length / 3))
            .OrderBy(pair => pair.distance)
            .ThenBy(pair => pair.candidate, StringComparer.Ordinal)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
        return best is null ? null : $"did you mean '{best}'?";
    }

    /// <summary>Levenshtein distance, capped at 64 characters per word to bound the cost.</summary>
    public static int Distance(string a, string b)
    {
        a = a.Length > 64 ? a[..64] : a;
        b = b.Length > 64 ? b[..64] : b;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
