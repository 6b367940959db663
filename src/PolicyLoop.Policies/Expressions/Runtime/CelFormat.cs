using System.Collections;
using System.Globalization;
using System.Text;

namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>Formats CEL values as text: <c>string(x)</c> conversions and display in explanations.</summary>
public static class CelFormat
{
    /// <summary>Formats a double the way CEL's <c>string()</c> does: shortest round-trip form.</summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Replace("E", "e", StringComparison.Ordinal);
    }

    /// <summary>Formats a value for a person reading an explanation or a test report.</summary>
    public static string Display(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => Quote(s),
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "u",
        double d => FormatDouble(d),
        DateTime t => $"timestamp(\"{CelTime.FormatTimestamp(t)}\")",
        TimeSpan d => $"duration(\"{CelTime.FormatDuration(d)}\")",
        CelBytes b => "b\"" + Convert.ToHexString(b.Value.Span) + "\"",
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Display)) + "]",
        ICelMap map => "{" + string.Join(", ", map.Keys.Select(k => Display(k) + ": " + DisplayValue(map, k))) + "}",
        _ => value.ToString() ?? "",
    };

    private static string DisplayValue(ICelMap map, object key) =>
        map.TryGetValue(key, out var value) ? Display(value) : "?";

    /// <summary>Quotes a string with CEL escapes.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\v' => "\\v",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
