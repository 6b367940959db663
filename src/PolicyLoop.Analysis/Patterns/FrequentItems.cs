namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// The attribute values (items) with the minimum support among the target events, numbered in attribute
/// order, so an event's items come out sorted when its attributes are read in order.
/// </summary>
public sealed class FrequentItems
{
    private FrequentItems(int[][] itemByCode, List<(int Attribute, int Code)> items, List<long> target,
        List<long> comparison)
    {
        ItemByCode = itemByCode;
        Items = items;
        TargetCounts = target;
        ComparisonCounts = comparison;
    }

    /// <summary>The item of each attribute value code, or -1 when the value is not frequent.</summary>
    public int[][] ItemByCode { get; }

    public IReadOnlyList<(int Attribute, int Code)> Items { get; }

    public IReadOnlyList<long> TargetCounts { get; }

    public IReadOnlyList<long> ComparisonCounts { get; }

    public int Count => Items.Count;

    internal static FrequentItems Select(SegmentData data, (long[] Target, long[] Comparison)[] counts,
        long minSupport, int maxItems)
    {
        var itemByCode = new int[data.Attributes.Count][];
        var items = new List<(int Attribute, int Code)>();
        var target = new List<long>();
        var comparison = new List<long>();
        for (var attribute = 0; attribute < itemByCode.Length; attribute++)
        {
            var byCode = new int[data.Values[attribute].Count];
            Array.Fill(byCode, -1);
            var (targetCounts, comparisonCounts) = counts[attribute];

            // Code 0 is a missing value, which is no segment.
            for (var code = 1; code < byCode.Length; code++)
            {
                if (targetCounts[code] >= minSupport && items.Count < maxItems)
                {
                    byCode[code] = items.Count;
                    items.Add((attribute, code));
                    target.Add(targetCounts[code]);
                    comparison.Add(comparisonCounts[code]);
                }
            }

            itemByCode[attribute] = byCode;
        }

        return new FrequentItems(itemByCode, items, target, comparison);
    }
}
