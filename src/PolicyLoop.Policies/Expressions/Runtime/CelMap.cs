namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>A map built by an expression or read from JSON; numeric keys compare by numeric value.</summary>
public sealed class CelMap : ICelMap
{
    private readonly Dictionary<object, object?> _entries = new(KeyComparer.Instance);

    public int Count => _entries.Count;

    public IEnumerable<object> Keys => _entries.Keys;

    /// <summary>Adds an entry; returns false when the key is already present.</summary>
    public bool TryAdd(object key, object? value) => _entries.TryAdd(key, value);

    public bool TryGetValue(object key, out object? value) => _entries.TryGetValue(key, out value);

    private sealed class KeyComparer : IEqualityComparer<object>
    {
        public static readonly KeyComparer Instance = new();

        public new bool Equals(object? x, object? y) => CelValues.AreEqual(x, y);

        public int GetHashCode(object obj) => obj switch
        {
            long l => l.GetHashCode(),
            ulong u => u <= long.MaxValue ? ((long)u).GetHashCode() : u.GetHashCode(),
            double d when d == Math.Floor(d) && Math.Abs(d) < 9.2e18 => ((long)d).GetHashCode(),
            _ => obj.GetHashCode(),
        };
    }
}
