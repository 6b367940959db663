using System.Runtime.CompilerServices;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Remembers the result of a function for the string objects it saw last, one per slot of a
/// small table indexed by the object's identity. The event reader shares the string of a value
/// that repeats, so looking up the same object again skips both the work and hashing the text.
/// A different object with equal text only misses and computes the result again. Not thread-safe.
/// </summary>
internal sealed class RecentResults(Func<string, string> compute)
{
    private const int Size = 4096;
    private readonly string?[] _keys = new string?[Size];
    private readonly string[] _results = new string[Size];

    public string Get(string key)
    {
        var slot = RuntimeHelpers.GetHashCode(key) & (Size - 1);
        if (ReferenceEquals(_keys[slot], key))
        {
            return _results[slot];
        }

        var result = compute(key);
        (_keys[slot], _results[slot]) = (key, result);
        return result;
    }
}
