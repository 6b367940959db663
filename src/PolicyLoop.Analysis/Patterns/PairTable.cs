namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// The candidate slot of each item pair and triple. Up to <see cref="MaxDenseItems"/> items the pairs are a
/// dense matrix, and while pairs times items stays under <see cref="MaxTripleEntries"/> the triples are a dense
/// table per candidate pair, so a lookup is one array read. Past those sizes, lookups use the hash index,
/// which keeps each table under 64 MiB.
/// </summary>
internal sealed class PairTable
{
    private const int MaxDenseItems = 4096;
    private const long MaxTripleEntries = 16L << 20;
    private const ulong ItemMask = (1UL << 21) - 1;

    private readonly int[]? _pairs;
    private readonly int[]? _triples;
    private readonly int[] _pairIndex;
    private readonly int _items;
    private readonly ItemKeyIndex _candidates;

    private PairTable(int items, ItemKeyIndex candidates, int[]? pairs, int[]? triples, int[] pairIndex)
    {
        _items = items;
        _candidates = candidates;
        _pairs = pairs;
        _triples = triples;
        _pairIndex = pairIndex;
    }

    public static PairTable Build(int items, ItemKeyIndex candidates)
    {
        // Pair slots are numbered 0..P-1 among pairs only, to index the triple table.
        var pairIndex = new int[candidates.Keys.Count];
        var pairCount = 0;
        for (var slot = 0; slot < candidates.Keys.Count; slot++)
        {
            pairIndex[slot] = candidates.Keys[slot] >> 42 == 0 ? pairCount++ : -1;
        }

        int[]? pairs = null;
        if (items <= MaxDenseItems)
        {
            pairs = new int[items * items];
            Array.Fill(pairs, -1);
        }

        int[]? triples = null;
        if ((long)pairCount * items <= MaxTripleEntries)
        {
            triples = new int[pairCount * items];
            Array.Fill(triples, -1);
        }

        for (var slot = 0; slot < candidates.Keys.Count; slot++)
        {
            var key = candidates.Keys[slot];
            var first = (int)(key & ItemMask) - 1;
            var second = (int)((key >> 21) & ItemMask) - 1;
            var third = (int)(key >> 42) - 1;
            if (third < 0 && pairs is not null)
            {
                pairs[(first * items) + second] = slot;
            }
            else if (third >= 0 && triples is not null)
            {
                var pair = candidates.Find(SegmentMiner.Key(first, second));
                triples[(pairIndex[pair] * items) + third] = slot;
            }
        }

        return new PairTable(items, candidates, pairs, triples, pairIndex);
    }

    /// <summary>Returns the slot of the pair (first &lt; second), or -1 when it is no candidate.</summary>
    public int Find(int first, int second) => _pairs is null
        ? _candidates.Find(SegmentMiner.Key(first, second))
        : _pairs[(first * _items) + second];

    /// <summary>Returns the slot of the triple made of a candidate pair's slot and a third, larger item, or -1.</summary>
    public int FindTriple(int pairSlot, int first, int second, int third) => _triples is null
        ? _candidates.Find(SegmentMiner.Key(first, second, third))
        : _triples[(_pairIndex[pairSlot] * _items) + third];
}
