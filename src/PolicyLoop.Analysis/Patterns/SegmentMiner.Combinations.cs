namespace PolicyLoop.Analysis.Patterns;

public static partial class SegmentMiner
{
    /// <summary>
    /// Counts pairs, then triples whose three pairs are frequent, among the target events, and keeps those
    /// with the minimum support. The returned index contains the surviving pairs and triples with their counts.
    /// </summary>
    private static ItemKeyIndex CountTargetCombinations(SegmentData data, FrequentItems items, int[] targets,
        long minSupport, int maxOrder)
    {
        var pairs = new ItemKeyIndex();
        Span<int> buffer = stackalloc int[data.Codes.Length];
        foreach (var row in targets)
        {
            var count = ItemsOf(data, items, row, buffer);
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    pairs.Increment(Key(buffer[i], buffer[j]));
                }
            }
        }

        var kept = new ItemKeyIndex();
        for (var slot = 0; slot < pairs.Keys.Count; slot++)
        {
            if (pairs.Counts[slot] >= minSupport)
            {
                kept.Counts[kept.Add(pairs.Keys[slot])] = pairs.Counts[slot];
            }
        }

        if (maxOrder < 3)
        {
            return kept;
        }

        var triples = new ItemKeyIndex();
        foreach (var row in targets)
        {
            var count = ItemsOf(data, items, row, buffer);
            for (var i = 0; i < count; i++)
            {
                for (var j = i + 1; j < count; j++)
                {
                    if (kept.Find(Key(buffer[i], buffer[j])) < 0)
                    {
                        continue;
                    }

                    for (var k = j + 1; k < count; k++)
                    {
                        if (kept.Find(Key(buffer[i], buffer[k])) >= 0 && kept.Find(Key(buffer[j], buffer[k])) >= 0)
                        {
                            triples.Increment(Key(buffer[i], buffer[j], buffer[k]));
                        }
                    }
                }
            }
        }

        for (var slot = 0; slot < triples.Keys.Count; slot++)
        {
            if (triples.Counts[slot] >= minSupport)
            {
                kept.Counts[kept.Add(triples.Keys[slot])] = triples.Counts[slot];
            }
        }

        return kept;
    }

    /// <summary>
    /// Counts the comparison events of every candidate combination. Pairs and triples are looked up in dense
    /// tables (see <see cref="PairTable"/>), and triples only under a candidate pair. The tables are only read
    /// here, so the chunks run in parallel, each with its own counts.
    /// </summary>
    private static long[] CountComparison(SegmentData data, FrequentItems items, ItemKeyIndex candidates, int threads)
    {
        var total = new long[candidates.Keys.Count];
        var pairs = PairTable.Build(items.Count, candidates);
        var chunks = Math.Max(1, threads) * 4;
        var chunkSize = (data.Count + chunks - 1) / chunks;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var counts = new long[total.Length];
            Span<int> buffer = stackalloc int[data.Codes.Length];
            var end = Math.Min(data.Count, (chunk + 1) * chunkSize);
            for (var row = chunk * chunkSize; row < end; row++)
            {
                if (data.Groups[row] == SegmentData.Comparison)
                {
                    var count = ItemsOf(data, items, row, buffer);
                    CountRow(pairs, counts, buffer[..count]);
                }
            }

            lock (total)
            {
                for (var slot = 0; slot < total.Length; slot++)
                {
                    total[slot] += counts[slot];
                }
            }
        });
        return total;
    }

    private static void CountRow(PairTable pairs, long[] counts, ReadOnlySpan<int> row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            for (var j = i + 1; j < row.Length; j++)
            {
                var pair = pairs.Find(row[i], row[j]);
                if (pair < 0)
                {
                    continue;
                }

                counts[pair]++;
                for (var k = j + 1; k < row.Length; k++)
                {
                    var triple = pairs.FindTriple(pair, row[i], row[j], row[k]);
                    if (triple >= 0)
                    {
                        counts[triple]++;
                    }
                }
            }
        }
    }
}
