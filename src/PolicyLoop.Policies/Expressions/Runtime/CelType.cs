namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>
/// A CEL type, used both by the type checker and as the runtime value of <c>type(x)</c>.
/// <see cref="Dyn"/> means the type is known only at run time.
/// </summary>
public sealed class CelType : IEquatable<CelType>
{
    public static readonly CelType Bool = new("bool");
    public static readonly CelType Int = new("int");
    public static readonly CelType Uint = new("uint");
    public static readonly CelType Double = new("double");
    public static readonly CelType String = new("string");
    public static readonly CelType Bytes = new("bytes");
    public static readonly CelType Null = new("null_type");
    public static readonly CelType Timestamp = new("google.protobuf.Timestamp");
    public static readonly CelType Duration = new("google.protobuf.Duration");
    public static readonly CelType Ip = new("net.IP");
    public static readonly CelType Cidr = new("net.CIDR");
    public static readonly CelType Type = new("type");
    public static readonly CelType Dyn = new("dyn");
    public static readonly CelType DynList = List(Dyn);
    public static readonly CelType DynMap = Map(Dyn, Dyn);

    private CelType(string name, CelType? element = null, CelType? key = null)
    {
        Name = name;
        Element = element;
        Key = key;
    }

    /// <summary>The CEL name, such as <c>int</c> or <c>list</c>.</summary>
    public string Name { get; }

    /// <summary>The element type of a list, or the value type of a map.</summary>
    public CelType? Element { get; }

    /// <summary>The key type of a map.</summary>
    public CelType? Key { get; }

    public bool IsList => Name == "list";

    public bool IsMap => Name == "map";

    public bool IsDyn => ReferenceEquals(this, Dyn);

    public bool IsNumeric => Equals(Int) || Equals(Uint) || Equals(Double);

    public static CelType List(CelType element) => new("list", element);

    public static CelType Map(CelType key, CelType value) => new("map", value, key);

    public bool Equals(CelType? other) =>
        other is not null && Name == other.Name && Equals(Element, other.Element) && Equals(Key, other.Key);

    public override bool Equals(object? obj) => obj is CelType other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name, Element, Key);

    /// <summary>The type as a reader writes it: <c>list(string)</c>, <c>map(string, double)</c>.</summary>
    public override string ToString() => IsList ? $"list({Element})" : IsMap ? $"map({Key}, {Element})" : Name;

    /// <summary>True when a value of type <paramref name="other"/> may be used where this type is expected.</summary>
    public bool Accepts(CelType other)
    {
        if (IsDyn || other.IsDyn)
        {
            return true;
        }

        if (Name != other.Name)
        {
            return false;
        }

        return (Element is null || other.Element is null || Element.Accepts(other.Element))
            && (Key is null || other.Key is null || Key.Accepts(other.Key));
    }
}
