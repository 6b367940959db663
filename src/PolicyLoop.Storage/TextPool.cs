using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace PolicyLoop.Storage;

/// <summary>
/// Returns one shared string per distinct UTF-8 text, so a column whose values repeat (paths,
/// user agents, addresses) costs one string per value rather than one per row. Lookups hash and
/// compare the UTF-8 bytes, so text already seen is neither decoded nor hashed as characters, and
/// they compare the full bytes, never a hash alone. Not thread-safe.
/// </summary>
/// <remarks>
/// The pool contains at most <see cref="MaxStrings"/> strings and empties itself when full. If fewer
/// than half of the lookups since it last emptied found a known string, the column's values rarely
/// repeat and the pool stops pooling: from then on every lookup decodes a new string. Log text is
/// attacker-controlled and the hash is not keyed, so a lookup gives up after passing
/// <see cref="MaxProbes"/> other entries and decodes a new string, and after
/// <see cref="MaxGiveUps"/> such lookups the pool stops pooling.
/// </remarks>
internal sealed class TextPool
{
    public const int MaxStrings = 1 << 16;

    /// <summary>The max entries a lookup passes before it gives up and decodes a new string.</summary>
    public const int MaxProbes = 64;

    /// <summary>Lookups that may give up before the pool stops pooling.</summary>
    public const int MaxGiveUps = 1_000;

    /// <summary>Strings the pool has room for at first. The room doubles as needed, up to <see cref="MaxStrings"/>.</summary>
    private const int InitialStrings = 256;

    private const ulong Multiplier = 0x9E3779B97F4A7C15;

    /// <summary>
    /// The open-addressing table: per slot, the index of its entry plus one, and 0 for an empty slot. It has twice as
    /// many slots as there is room for strings, so at most half of it is in use.
    /// </summary>
    private int[] _slots = new int[InitialStrings * 2];

    private ulong[] _hashes = new ulong[InitialStrings];
    private byte[][] _texts = new byte[InitialStrings][];
    private string[] _strings = new string[InitialStrings];
    private int _count;
    private long _lookups;
    private long _hits;
    private int _giveUps;
    private bool _disabled;

    /// <summary>False once the pool has stopped pooling.</summary>
    public bool IsPooling => !_disabled;

    /// <summary>The table slot where a lookup of <paramref name="utf8"/> starts.</summary>
    public static int SlotOf(ReadOnlySpan<byte> utf8) => SlotOf(Hash(utf8), MaxStrings * 2);

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (_disabled)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        _lookups++;
        var hash = Hash(utf8);
        var slot = SlotOf(hash, _slots.Length);
        for (var probes = 0; probes <= MaxProbes; probes++)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                return Add(utf8, hash, slot);
            }

            if (_hashes[entry] == hash && utf8.SequenceEqual(_texts[entry]))
            {
                _hits++;
                return _strings[entry];
            }

            slot = (slot + 1) & (_slots.Length - 1);
        }

        _disabled = ++_giveUps >= MaxGiveUps;
        return Encoding.UTF8.GetString(utf8);
    }

    private string Add(ReadOnlySpan<byte> utf8, ulong hash, int slot)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (_count >= MaxStrings)
        {
            _disabled = _hits * 2 < _lookups;
            Array.Clear(_slots);
            Array.Clear(_texts);
            Array.Clear(_strings);
            (_count, _lookups, _hits) = (0, 0, 0);
            if (_disabled)
            {
                return text;
            }

            slot = SlotOf(hash, _slots.Length);
        }
        else if (_count == _strings.Length)
        {
            Grow();
            slot = FreeSlot(hash);
        }

        _hashes[_count] = hash;
        _texts[_count] = utf8.ToArray();
        _strings[_count] = text;
        _slots[slot] = ++_count;
        return text;
    }

    /// <summary>Doubles the room for strings and the table, and places every entry again.</summary>
    private void Grow()
    {
        var room = _strings.Length * 2;
        Array.Resize(ref _hashes, room);
        Array.Resize(ref _texts, room);
        Array.Resize(ref _strings, room);
        _slots = new int[room * 2];
        for (var entry = 0; entry < _count; entry++)
        {
            _slots[FreeSlot(_hashes[entry])] = entry + 1;
        }
    }

    /// <summary>The first empty slot from the hash's own, for an entry known to be absent.</summary>
    private int FreeSlot(ulong hash)
    {
        var slot = SlotOf(hash, _slots.Length);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & (_slots.Length - 1);
        }

        return slot;
    }

    private static int SlotOf(ulong hash, int slots) => (int)(hash >> 32) & (slots - 1);

    /// <summary>A fast hash of the bytes, eight at a time, mixed so that the high bits choose the slot.</summary>
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * Multiplier;
        while (bytes.Length >= 8)
        {
            hash = (BitOperations.RotateLeft(hash, 23) ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * Multiplier;
            bytes = bytes[8..];
        }

        var tail = 0UL;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (BitOperations.RotateLeft(hash, 23) ^ tail) * Multiplier;
        return hash ^ (hash >> 29);
    }
}
