using System.Runtime.CompilerServices;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Remembers the result of a function for the objects it saw last, one per slot of a small table
/// indexed by the object's identity. The event reader shares the string of a value that repeats,
/// and the evaluator shares the result of events with the same matches, so looking up the same
/// object again skips both the work and hashing its content. A different object with equal
/// content only misses and computes the result again. Not thread-safe.
/// </summary>
internal sealed class RecentResults<TKey, TResult>(Func<TKey, TResult> compute)
    where TKey : class
{
    private const int Size = 4096;
    private readonly TKey?[] _keys = new TKey?[Size];
    private readonly TResult[] _results = new TResult[Size];

    public TResult Get(TKey key)
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
