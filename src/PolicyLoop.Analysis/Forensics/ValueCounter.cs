using System.Runtime.InteropServices;

namespace PolicyLoop.Analysis.Forensics;

/// <summary>
/// Counts values to rank the most frequent. Memory is bounded: past <c>maxDistinct</c> values the
/// counter drops the half with the lowest counts and marks its counts as approximate (a value
/// seen again after being dropped restarts from zero), which keeps the heavy hitters.
/// </summary>
public sealed class ValueCounter(int maxDistinct = 500_000)
{
    /// <summary>The value counted for a null.</summary>
    public const string Missing = "(none)";

    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    public long Total { get; private set; }

    /// <summary>True once values were dropped to bound memory.</summary>
    public bool Approximate { get; private set; }

    public void Add(string? value)
    {
        Total++;
        CollectionsMarshal.GetValueRefOrAddDefault(_counts, value ?? Missing, out _)++;
        if (_counts.Count > maxDistinct)
        {
            Prune();
        }
    }

    /// <summary>Returns the most frequent values, ties broken by ordinal value order for reproducibility.</summary>
    public IReadOnlyList<(string Value, long Count)> Top(int count) =>
        [.. _counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(count).Select(pair => (pair.Key, pair.Value))];

    private void Prune()
    {
        Approximate = true;
        var keep = _counts.OrderByDescending(pair => pair.Value).Take(maxDistinct / 2).ToList();
        _counts.Clear();
        foreach (var (key, value) in keep)
        {
            _counts[key] = value;
        }
    }
}
