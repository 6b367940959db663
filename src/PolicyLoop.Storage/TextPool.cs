using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace PolicyLoop.Storage;

/// <summary>
/// Returns one shared string per distinct UTF-8 text, so a column whose values repeat (paths,
/// user agents, addresses) costs one string per value rather than one per row. Lookups compare
/// the full text, never a hash alone. Not thread-safe.
/// </summary>
/// <remarks>
/// The pool contains at most <see cref="MaxStrings"/> strings and empties itself when full. If fewer
/// than half of the lookups since it last emptied found a known string, the column's values rarely
/// repeat and the pool stops pooling: from then on every lookup decodes a new string.
/// </remarks>
[SkipLocalsInit]
internal sealed class TextPool
{
    public const int MaxStrings = 1 << 16;

    private const int StackChars = 256;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private long _lookups;
    private long _hits;
    private bool _disabled;

    public TextPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (_disabled)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var maxChars = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        char[]? rented = null;
        var buffer = maxChars <= StackChars ? stackalloc char[StackChars] : rented = ArrayPool<char>.Shared.Rent(maxChars);
        try
        {
            var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
            _lookups++;
            if (_lookup.TryGetValue(chars, out var known))
            {
                _hits++;
                return known;
            }

            var text = new string(chars);
            if (_strings.Count >= MaxStrings)
            {
                _disabled = _hits * 2 < _lookups;
                _strings.Clear();
                (_lookups, _hits) = (0, 0);
            }

            if (!_disabled)
            {
                _strings.Add(text);
            }

            return text;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
