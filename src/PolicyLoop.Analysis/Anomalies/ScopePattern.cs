namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// A pattern over a scope's text (<c>source=S policy=P rule=R</c>): <c>*</c> matches any run of
/// characters and <c>?</c> one character; everything else matches itself, case-sensitively. The
/// match runs in time proportional to the product of the two lengths at worst, with no backtracking.
/// </summary>
public sealed class ScopePattern
{
    private readonly string _pattern;

    public ScopePattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _pattern = pattern;
    }

    public override string ToString() => _pattern;

    /// <summary>True when the whole of <paramref name="text"/> matches the pattern.</summary>
    public bool Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Greedy wildcard matching that remembers only the last star: linear for one star, and
        // never worse than pattern length times text length.
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < _pattern.Length && (_pattern[p] == '?' || _pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < _pattern.Length && _pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < _pattern.Length && _pattern[p] == '*')
        {
            p++;
        }

        return p == _pattern.Length;
    }
}
