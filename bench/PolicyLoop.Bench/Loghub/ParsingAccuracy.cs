namespace PolicyLoop.Bench.Loghub;

/// <summary>
/// The accuracy measures of the Loghub log-parsing benchmarks: grouping accuracy and parsing accuracy.
/// </summary>
internal static class ParsingAccuracy
{
    /// <summary>
    /// Grouping accuracy: the share of messages whose predicted group contains exactly the messages of
    /// their ground-truth group.
    /// </summary>
    public static double Grouping(IReadOnlyList<string> truth, IReadOnlyList<int> predicted)
    {
        var truthSizes = truth.CountBy(label => label, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        var correct = 0;
        foreach (var group in Enumerable.Range(0, truth.Count).GroupBy(index => predicted[index]))
        {
            var labels = group.Select(index => truth[index]).Distinct(StringComparer.Ordinal).ToList();
            var size = group.Count();
            if (labels.Count == 1 && truthSizes[labels[0]] == size)
            {
                correct += size;
            }
        }

        return (double)correct / truth.Count;
    }

    /// <summary>Parsing accuracy: the share of messages whose predicted template equals the ground truth's.</summary>
    public static double Parsing(IReadOnlyList<string> truth, IReadOnlyList<string> predicted)
    {
        var correct = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            if (string.Equals(truth[i].Trim(), predicted[i].Trim(), StringComparison.Ordinal))
            {
                correct++;
            }
        }

        return (double)correct / truth.Count;
    }
}
