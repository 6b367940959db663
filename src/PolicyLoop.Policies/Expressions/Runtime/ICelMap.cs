namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>A CEL map value: keys are strings, ints, uints or bools.</summary>
public interface ICelMap
{
    int Count { get; }

    IEnumerable<object> Keys { get; }

    bool TryGetValue(object key, out object? value);
}
