namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// The candidate slot of each item pair. Up to <see cref="MaxDenseItems"/> items it is a dense matrix, one array
/// read per lookup; past that it falls back to the hash index, to keep the matrix under 64 MiB.
/// </summary>
internal sealed class PairTable
{
    private const int MaxDenseItems = 4096;

    private readonly int[]? _slots;
    private readonly int _items;
    private readonly ItemKeyIndex _candidates;

    private PairTable(int items, ItemKeyIndex candidates, int[]? slots)
    {
        _items = items;
        _candidates = candidates;
        _slots = slots;
    }

    public static PairTable Build(int items, ItemKeyIndex candidates)
    {
        if (items > MaxDenseItems)
        {
            return new PairTable(items, candidates, null);
        }

        var slots = new int[items * items];
        Array.Fill(slots, -1);
        for (var slot = 0; slot < candidates.Keys.Count; slot++)
        {
            var key = candidates.Keys[slot];
            if (key >> 42 == 0)
            {
                var first = (int)(key & ((1UL << 21) - 1)) - 1;
                var second = (int)(key >> 21) - 1;
                slots[(first * items) + second] = slot;
            }
        }

        return new PairTable(items, candidates, slots);
    }

    /// <summary>Returns the slot of the pair (first &lt; second), or -1 when it is no candidate.</summary>
    public int Find(int first, int second) => _slots is null
        ? _candidates.Find(SegmentMiner.Key(first, second))
        : _slots[(first * _items) + second];
}
