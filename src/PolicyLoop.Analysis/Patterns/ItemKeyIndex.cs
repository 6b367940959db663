namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// An open-addressing hash map from non-zero 64-bit keys to dense slots, with a count per slot. Lookups do not
/// write, so several threads can read it at once once it is built.
/// </summary>
internal sealed class ItemKeyIndex
{
    private ulong[] _keys;
    private int[] _slots;
    private int _mask;

    public ItemKeyIndex(int capacity = 1024)
    {
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _keys = new ulong[size];
        _slots = new int[size];
        _mask = size - 1;
    }

    public List<ulong> Keys { get; } = [];

    public List<long> Counts { get; } = [];

    /// <summary>Adds one to the key's count, adding the key first when it is new.</summary>
    public void Increment(ulong key)
    {
        var position = Position(key);
        if (_keys[position] == key)
        {
            Counts[_slots[position]]++;
            return;
        }

        _keys[position] = key;
        _slots[position] = Keys.Count;
        Keys.Add(key);
        Counts.Add(1);
        if (Keys.Count * 2 > _keys.Length)
        {
            Grow();
        }
    }

    /// <summary>Adds a key with a zero count unless it is present, and returns its slot.</summary>
    public int Add(ulong key)
    {
        var position = Position(key);
        if (_keys[position] == key)
        {
            return _slots[position];
        }

        _keys[position] = key;
        _slots[position] = Keys.Count;
        Keys.Add(key);
        Counts.Add(0);
        if (Keys.Count * 2 > _keys.Length)
        {
            Grow();
        }

        return Keys.Count - 1;
    }

    /// <summary>Returns the key's slot, or -1 when the key is absent.</summary>
    public int Find(ulong key)
    {
        var position = Position(key);
        return _keys[position] == key ? _slots[position] : -1;
    }

    private int Position(ulong key)
    {
        var position = (int)((key * 0x9E3779B97F4A7C15UL) >> 33) & _mask;
        while (_keys[position] != 0 && _keys[position] != key)
        {
            position = (position + 1) & _mask;
        }

        return position;
    }

    private void Grow()
    {
        _keys = new ulong[_keys.Length * 2];
        _slots = new int[_keys.Length];
        _mask = _keys.Length - 1;
        for (var slot = 0; slot < Keys.Count; slot++)
        {
            var position = Position(Keys[slot]);
            _keys[position] = Keys[slot];
            _slots[position] = slot;
        }
    }
}
