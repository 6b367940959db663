using System.Collections;

namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>CEL arithmetic with overflow checks; typed overloads for compiled fast paths and object ones for dyn.</summary>
public static class CelOperators
{
    public static long AddInt(long a, long b)
    {
        var result = unchecked(a + b);
        return ((a ^ result) & (b ^ result)) < 0 ? throw Overflow() : result;
    }

    public static long SubtractInt(long a, long b)
    {
        var result = unchecked(a - b);
        return ((a ^ b) & (a ^ result)) < 0 ? throw Overflow() : result;
    }

    public static long MultiplyInt(long a, long b)
    {
        var high = Math.BigMul(a, b, out var low);
        return (high != 0 || low < 0) && (high != -1 || low >= 0) ? throw Overflow() : low;
    }

    public static long DivideInt(long a, long b) =>
        b == 0 ? throw new CelException("division by zero") : a == long.MinValue && b == -1 ? throw Overflow() : a / b;

    public static long ModuloInt(long a, long b) =>
        b == 0 ? throw new CelException("modulus by zero") : b == -1 ? 0 : a % b;

    public static long NegateInt(long a) => a == long.MinValue ? throw Overflow() : -a;

    public static ulong AddUint(ulong a, ulong b) => a > ulong.MaxValue - b ? throw Overflow() : a + b;

    public static ulong SubtractUint(ulong a, ulong b) => b > a ? throw Overflow() : a - b;

    public static ulong MultiplyUint(ulong a, ulong b) => Math.BigMul(a, b, out var low) != 0 ? throw Overflow() : low;

    public static ulong DivideUint(ulong a, ulong b) => b == 0 ? throw new CelException("division by zero") : a / b;

    public static ulong ModuloUint(ulong a, ulong b) => b == 0 ? throw new CelException("modulus by zero") : a % b;

    private static CelException Overflow() => new("return error for overflow");

    // The switch arms cast to object: otherwise C# converts long and ulong results to double, the arms' common type.
    public static object Add(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => (object)AddInt(x, y),
        (ulong x, ulong y) => (object)AddUint(x, y),
        (double x, double y) => (object)(x + y),
        (string x, string y) => string.Concat(x, y),
        (CelBytes x, CelBytes y) => new CelBytes([.. x.Value.Span, .. y.Value.Span]),
        (IList x, IList y) => Concat(x, y),
        (DateTime t, TimeSpan d) => CelTime.CheckTimestamp(AddTime(t, d)),
        (TimeSpan d, DateTime t) => CelTime.CheckTimestamp(AddTime(t, d)),
        (TimeSpan x, TimeSpan y) => CelTime.CheckDuration(AddDurations(x, y)),
        _ => throw CelErrors.NoOverload("_+_", a, b),
    };

    private static TimeSpan AddDurations(TimeSpan x, TimeSpan y)
    {
        var ticks = (decimal)x.Ticks + y.Ticks;
        return ticks > long.MaxValue || ticks < long.MinValue ? throw Overflow() : TimeSpan.FromTicks((long)ticks);
    }

    private static DateTime AddTime(DateTime t, TimeSpan d)
    {
        var ticks = (decimal)t.Ticks + d.Ticks;
        return ticks < 0 || ticks > DateTime.MaxValue.Ticks
            ? throw new CelException("timestamp overflow")
            : new DateTime((long)ticks, DateTimeKind.Utc);
    }

    public static object Subtract(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => (object)SubtractInt(x, y),
        (ulong x, ulong y) => (object)SubtractUint(x, y),
        (double x, double y) => (object)(x - y),
        (DateTime x, DateTime y) => CelTime.CheckDuration(x - y),
        (DateTime t, TimeSpan d) => CelTime.CheckTimestamp(AddTime(t, -d)),
        (TimeSpan x, TimeSpan y) => CelTime.CheckDuration(AddDurations(x, -y)),
        _ => throw CelErrors.NoOverload("_-_", a, b),
    };

    public static object Multiply(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => (object)MultiplyInt(x, y),
        (ulong x, ulong y) => (object)MultiplyUint(x, y),
        (double x, double y) => (object)(x * y),
        _ => throw CelErrors.NoOverload("_*_", a, b),
    };

    public static object Divide(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => (object)DivideInt(x, y),
        (ulong x, ulong y) => (object)DivideUint(x, y),
        (double x, double y) => (object)(x / y),
        _ => throw CelErrors.NoOverload("_/_", a, b),
    };

    public static object Modulo(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => (object)ModuloInt(x, y),
        (ulong x, ulong y) => (object)ModuloUint(x, y),
        _ => throw CelErrors.NoOverload("_%_", a, b),
    };

    public static object Negate(object? a) => a switch
    {
        long x => (object)NegateInt(x),
        double x => (object)(-x),
        TimeSpan d => -d,
        _ => throw CelErrors.NoOverload("-_", a),
    };

    public static bool Not(object? a) => a is bool b ? !b : throw CelErrors.NoOverload("!_", a);

    public static bool Less(object? a, object? b) => CelValues.Compare(a, b, "_<_") < 0;

    public static bool LessOrEqual(object? a, object? b) => CelValues.Compare(a, b, "_<=_") <= 0;

    public static bool Greater(object? a, object? b) => CelValues.Compare(a, b, "_>_") > 0;

    public static bool GreaterOrEqual(object? a, object? b) => CelValues.Compare(a, b, "_>=_") >= 0;

    /// <summary>The <c>in</c> operator: list membership by CEL equality, or map key presence.</summary>
    public static bool In(object? item, object? container)
    {
        switch (container)
        {
            case IList list:
                foreach (var element in list)
                {
                    if (CelValues.AreEqual(item, element))
                    {
                        return true;
                    }
                }

                return false;
            case ICelMap map:
                return item is not null && map.TryGetValue(item, out _);
            default:
                throw CelErrors.NoOverload("@in", item, container);
        }
    }

    /// <summary>Fast path of <c>in</c> for a string and a list of strings.</summary>
    public static bool InStrings(string item, IList list)
    {
        foreach (var element in list)
        {
            if (element is string text && string.Equals(text, item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static object?[] Concat(IList x, IList y)
    {
        var result = new object?[x.Count + y.Count];
        x.CopyTo(result, 0);
        y.CopyTo(result, x.Count);
        return result;
    }
}
