using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>The candidates of one mining run, with the selection of reportable, non-redundant segments.</summary>
public sealed class MinedSegments(
    SegmentData data,
    FrequentItems items,
    IReadOnlyList<SegmentCandidate> candidates,
    long targetTotal,
    long comparisonTotal,
    long minSupport)
{
    public IReadOnlyList<SegmentCandidate> Candidates { get; } = candidates;

    public long TargetTotal { get; } = targetTotal;

    public long ComparisonTotal { get; } = comparisonTotal;

    public long MinSupport { get; } = minSupport;

    /// <summary>
    /// Returns the segments to report, highest risk ratio first (ties: more target events first). A segment
    /// needs the minimum support and a risk ratio of at least <paramref name="minRiskRatio"/>. A combination is
    /// redundant, and left out, when one of its subsets already has a risk ratio at or above the
    /// combination's lower 95% bound: the extra attribute does not make the segment measurably more specific.
    /// Segments that cover the same events are merged into one.
    /// </summary>
    public IReadOnlyList<SegmentCandidate> Select(double minRiskRatio, int top)
    {
        var byKey = Candidates.ToDictionary(candidate => KeyOf(candidate.Items));
        var ranked = Candidates
            .Where(candidate => candidate.Target >= MinSupport && candidate.Ratio.Value >= minRiskRatio)
            .Where(candidate => !IsRedundant(candidate, byKey))
            .OrderByDescending(candidate => candidate.Ratio.Value)
            .ThenByDescending(candidate => candidate.Target)
            .ThenBy(candidate => KeyOf(candidate.Items));
        var selected = new List<SegmentCandidate>();
        foreach (var candidate in ranked)
        {
            if (!MergeInto(selected, candidate, byKey))
            {
                selected.Add(candidate);
            }

            if (selected.Count == top)
            {
                break;
            }
        }

        return selected;
    }

    /// <summary>
    /// Merges a candidate into a selected segment that covers exactly the same events: same counts, and their
    /// union has the same counts too (a crawler's user agent and its only network, say). Returns false when the
    /// candidate is a segment of its own.
    /// </summary>
    private static bool MergeInto(List<SegmentCandidate> selected, SegmentCandidate candidate,
        Dictionary<ulong, SegmentCandidate> byKey)
    {
        for (var i = 0; i < selected.Count; i++)
        {
            var other = selected[i];
            if (other.Target != candidate.Target || other.Comparison != candidate.Comparison)
            {
                continue;
            }

            int[] union = [.. other.Items.Union(candidate.Items).Order()];
            if (union.Length == other.Items.Count)
            {
                return true;
            }

            if (union.Length <= 3 && byKey.TryGetValue(KeyOf(union), out var both)
                && both.Target == candidate.Target && both.Comparison == candidate.Comparison)
            {
                selected[i] = both;
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the attribute names and values of a candidate's items.</summary>
    public IReadOnlyList<SegmentItem> Describe(SegmentCandidate candidate) =>
    [
        .. candidate.Items.Select(item =>
        {
            var (attribute, code) = items.Items[item];
            return new SegmentItem(data.Attributes[attribute], data.Values[attribute][code]);
        }),
    ];

    private static bool IsRedundant(SegmentCandidate candidate, Dictionary<ulong, SegmentCandidate> byKey)
    {
        if (candidate.Items.Count == 1)
        {
            return false;
        }

        foreach (var subset in ProperSubsets(candidate.Items))
        {
            if (byKey.TryGetValue(KeyOf(subset), out var parent) && parent.Ratio.Value >= candidate.Ratio.Low)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<int[]> ProperSubsets(IReadOnlyList<int> items)
    {
        foreach (var item in items)
        {
            yield return [item];
        }

        if (items.Count == 3)
        {
            yield return [items[0], items[1]];
            yield return [items[0], items[2]];
            yield return [items[1], items[2]];
        }
    }

    private static ulong KeyOf(IReadOnlyList<int> items) => items.Count switch
    {
        1 => SegmentMiner.Key(items[0], -1),
        2 => SegmentMiner.Key(items[0], items[1]),
        _ => SegmentMiner.Key(items[0], items[1], items[2]),
    };
}
