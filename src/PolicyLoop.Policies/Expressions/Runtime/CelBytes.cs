namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>A CEL bytes value: an immutable byte sequence compared by content.</summary>
public sealed class CelBytes(byte[] value) : IEquatable<CelBytes>
{
    public ReadOnlyMemory<byte> Value { get; } = value;

    public bool Equals(CelBytes? other) => other is not null && Value.Span.SequenceEqual(other.Value.Span);

    public override bool Equals(object? obj) => obj is CelBytes other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Value.Span);
        return hash.ToHashCode();
    }

    public int CompareBytes(CelBytes? other) => other is null ? 1 : Value.Span.SequenceCompareTo(other.Value.Span);
}
