namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>A CEL view of an event's string-keyed map, such as <c>scores</c> or <c>labels</c>, without copying.</summary>
public sealed class ReadOnlyMapView<TValue>(IReadOnlyDictionary<string, TValue> entries) : ICelMap
{
    public int Count => entries.Count;

    public IEnumerable<object> Keys => entries.Keys;

    public bool TryGetValue(object key, out object? value)
    {
        if (key is string text && entries.TryGetValue(text, out var found))
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }
}
