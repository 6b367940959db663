using System.Collections;
using System.Text.RegularExpressions;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>Runtime helpers that compiled expressions call: checked conversions, field access, indexing, state reads.</summary>
public static class CelAccess
{
    /// <summary>Casts a dyn value to the .NET type an overload expects, or raises no-matching-overload.</summary>
    public static T As<T>(object? value, string function) =>
        value is T typed ? typed : throw CelErrors.NoOverload(function, value);

    public static string RequireString(string? value, string field) => value ?? throw CelErrors.MissingField(field);

    public static long RequireInt(long? value, string field) => value ?? throw CelErrors.MissingField(field);

    public static long RequireInt(int? value, string field) => value ?? throw CelErrors.MissingField(field);

    public static IList ToList(IReadOnlyList<string> values) => values as IList ?? values.ToArray();

    public static object? Select(object? operand, string field)
    {
        if (operand is ICelMap map)
        {
            return map.TryGetValue(field, out var value) ? value : throw CelErrors.NoSuchKey(field);
        }

        throw new CelException($"no such field '{field}' on a value of type {CelValues.TypeOf(operand)}");
    }

    public static bool Has(object? operand, string field) => operand switch
    {
        ICelMap map => map.TryGetValue(field, out _),
        _ => throw new CelException($"has() needs a map or a message, found {CelValues.TypeOf(operand)}"),
    };

    public static object? Index(object? operand, object? index) => operand switch
    {
        IList list => IndexList(list, index),
        ICelMap map => Lookup(map, index),
        _ => throw CelErrors.NoOverload("_[_]", operand, index),
    };

    public static object? Lookup(ICelMap map, object? key)
    {
        if (key is not (string or long or ulong or bool or double))
        {
            throw CelErrors.NoOverload("_[_]", map, key);
        }

        return map.TryGetValue(key, out var value) ? value : throw CelErrors.NoSuchKey(key);
    }

    public static object? IndexList(IList list, object? index)
    {
        var position = index switch
        {
            long l => l,
            ulong u => u > long.MaxValue ? -1 : (long)u,
            double d when d == Math.Floor(d) && Math.Abs(d) < 9e18 => (long)d,
            double => throw new CelException("invalid_argument: list index is not a whole number"),
            _ => throw CelErrors.NoOverload("_[_]", list, index),
        };
        return position < 0 || position >= list.Count
            ? throw new CelException($"index out of range: {position}")
            : list[(int)position];
    }

    /// <summary>Reads the value of a rate() or count() call site computed for the current event.</summary>
    public static long Stateful(EvaluationContext context, int site) =>
        site < context.StatefulValues.Length
            ? context.StatefulValues[site] switch
            {
                long value => value,
                CelException error => throw error,
                _ => throw new CelException("rate() and count() need an evaluator with rate state"),
            }
            : throw new CelException("rate() and count() need an evaluator with rate state");

    /// <summary>
    /// Matches a precompiled regex and records the matched text when the evaluation is being explained. The offset
    /// counts code points, as CEL string indexes do, not the UTF-16 units of .NET strings.
    /// </summary>
    public static bool MatchTraced(EvaluationContext context, string text, Regex regex, int start, int end)
    {
        var match = regex.Match(text);
        if (match.Success)
        {
            var offset = Functions.CodePoints.Count(text.AsSpan(0, match.Index));
            context.Trace?.Matches.Add(new RegexMatch(start, end, regex.ToString(), match.Value, offset));
        }

        return match.Success;
    }

    /// <summary>Records a sub-expression's value when explaining and passes it through.</summary>
    public static T Record<T>(EvaluationContext context, int id, T value)
    {
        if (context.Trace is { } trace)
        {
            trace.Values[id] = value;
        }

        return value;
    }

    public static object?[] CreateList(object?[] items) => items;

    public static CelMap CreateMap(object?[] keys, object?[] values)
    {
        var map = new CelMap();
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] is not (string or long or ulong or bool))
            {
                throw new CelException($"unsupported key type: {CelValues.TypeOf(keys[i])}");
            }

            if (!map.TryAdd(keys[i]!, values[i]))
            {
                throw new CelException($"Failed with repeated key: {CelFormat.Display(keys[i])}");
            }
        }

        return map;
    }
}
