using System.Collections;
using PolicyLoop.Policies.Expressions.Net;

namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>
/// Runtime type tests, equality and ordering of CEL values. Values are long, ulong, double, string, bool,
/// null, <see cref="CelBytes"/>, <see cref="IList"/>, <see cref="ICelMap"/>, <see cref="DateTime"/> (UTC),
/// <see cref="TimeSpan"/>, <see cref="CelType"/>, <see cref="IpValue"/> and <see cref="CidrValue"/>.
/// </summary>
public static class CelValues
{
    /// <summary>The runtime type of a value.</summary>
    public static CelType TypeOf(object? value) => value switch
    {
        null => CelType.Null,
        bool => CelType.Bool,
        long => CelType.Int,
        ulong => CelType.Uint,
        double => CelType.Double,
        string => CelType.String,
        CelBytes => CelType.Bytes,
        DateTime => CelType.Timestamp,
        TimeSpan => CelType.Duration,
        IpValue => CelType.Ip,
        CidrValue => CelType.Cidr,
        CelType => CelType.Type,
        ICelMap => CelType.DynMap,
        IList => CelType.DynList,
        _ => throw new CelException($"unsupported value of .NET type {value.GetType().Name}"),
    };

    /// <summary>True when a runtime value belongs to the static type (list and map element types are not checked).</summary>
    public static bool IsOfType(object? value, CelType type) =>
        type.IsDyn || TypeOf(value).Name == type.Name;

    /// <summary>CEL equality: numbers compare by value across int, uint and double; other types never equal.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left, right) == 0;
        }

        return (left, right) switch
        {
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (IList a, IList b) => ListsEqual(a, b),
            (ICelMap a, ICelMap b) => MapsEqual(a, b),
            _ => left.GetType() == right.GetType() && left.Equals(right),
        };
    }

    public static bool IsNumber(object? value) => value is long or ulong or double;

    /// <summary>Orders two values of comparable types, or throws a no-matching-overload error.</summary>
    public static int Compare(object? left, object? right, string op)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            var order = CompareNumbers(left!, right!);
            return order == int.MinValue ? throw new CelException("NaN") : order;
        }

        return (left, right) switch
        {
            (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
            (bool a, bool b) => a.CompareTo(b),
            (CelBytes a, CelBytes b) => Math.Sign(a.CompareBytes(b)),
            (DateTime a, DateTime b) => a.CompareTo(b),
            (TimeSpan a, TimeSpan b) => a.CompareTo(b),
            _ => throw CelErrors.NoOverload(op, left, right),
        };
    }

    /// <summary>Orders numbers by exact value; returns int.MinValue when either side is NaN.</summary>
    public static int CompareNumbers(object left, object right)
    {
        return (left, right) switch
        {
            (long a, long b) => a.CompareTo(b),
            (ulong a, ulong b) => a.CompareTo(b),
            (double a, double b) => CompareDoubles(a, b),
            (long a, ulong b) => a < 0 ? -1 : ((ulong)a).CompareTo(b),
            (ulong a, long b) => b < 0 ? 1 : a.CompareTo((ulong)b),
            (double a, _) => CompareDoubles(a, ToDouble(right)),
            (_, double b) => CompareDoubles(ToDouble(left), b),
            _ => throw new CelException("not a number"),
        };
    }

    /// <summary>Converts an int or uint to double, losing precision above 2^53 as CEL implementations do.</summary>
    private static double ToDouble(object integer) => integer switch
    {
        long l => l,
        ulong u => u,
        _ => throw new CelException("not a number"),
    };

    private static int CompareDoubles(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? int.MinValue : a.CompareTo(b);

    private static bool ListsEqual(IList a, IList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(ICelMap a, ICelMap b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var key in a.Keys)
        {
            if (!b.TryGetValue(key, out var other) || !a.TryGetValue(key, out var mine) || !AreEqual(mine, other))
            {
                return false;
            }
        }

        return true;
    }
}
