using System.Collections;
using System.Globalization;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Bench.Cel;

/// <summary>Reads expected values and types of the conformance files and compares them with results.</summary>
internal static class ConformanceValues
{
    /// <summary>Converts a <c>Value</c> message; returns null and a reason when the value kind is out of scope.</summary>
    public static object? Read(TextMessage value, out string? outOfScope)
    {
        outOfScope = null;
        var field = value.Fields.FirstOrDefault();
        var scalar = field.Value as TextScalar;
        switch (field.Key)
        {
            case "int64_value": return long.Parse(scalar!.Word, CultureInfo.InvariantCulture);
            case "uint64_value": return ulong.Parse(scalar!.Word, CultureInfo.InvariantCulture);
            case "double_value": return ParseDouble(scalar!.Word);
            case "string_value": return scalar!.Text;
            case "bytes_value": return new CelBytes(scalar!.Bytes!);
            case "bool_value": return scalar!.Word == "true";
            case "null_value": return null;
            case "type_value": return new TypeName(scalar!.Text);
            case "list_value": return ReadList((TextMessage)field.Value, out outOfScope);
            case "map_value": return ReadMap((TextMessage)field.Value, out outOfScope);
            default:
                outOfScope = $"protobuf {field.Key ?? "empty value"}";
                return null;
        }
    }

    private static object?[] ReadList(TextMessage list, out string? outOfScope)
    {
        outOfScope = null;
        var items = new List<object?>();
        foreach (var item in list.Messages("values"))
        {
            items.Add(Read(item, out var reason));
            outOfScope ??= reason;
        }

        return [.. items];
    }

    private static CelMap ReadMap(TextMessage map, out string? outOfScope)
    {
        outOfScope = null;
        var result = new CelMap();
        foreach (var entry in map.Messages("entries"))
        {
            var key = Read(entry.Message("key")!, out var keyReason);
            var item = Read(entry.Message("value")!, out var valueReason);
            outOfScope ??= keyReason ?? valueReason;
            result.TryAdd(key!, item);
        }

        return result;
    }

    private static double ParseDouble(string word) => word.ToLowerInvariant() switch
    {
        "inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        "nan" => double.NaN,
        _ => double.Parse(word, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>Strict equality for checking results: types must match exactly, NaN equals NaN.</summary>
    public static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (TypeName name, CelType type) => name.Name == type.Name,
        (double a, double b) => a.Equals(b),
        (object?[] a, IList b) => a.Length == b.Count && a.Select((x, i) => Same(x, b[i])).All(ok => ok),
        (ICelMap a, ICelMap b) => a.Count == b.Count && a.Keys.All(k => b.TryGetValue(k, out var v)
            && a.TryGetValue(k, out var mine) && Same(mine, v)),
        _ => expected?.GetType() == actual?.GetType() && CelValues.AreEqual(expected, actual),
    };

    /// <summary>An expected type value, compared by name.</summary>
    public sealed record TypeName(string Name);
}
