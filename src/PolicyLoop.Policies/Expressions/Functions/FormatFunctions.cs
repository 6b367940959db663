using System.Collections;
using System.Globalization;
using System.Text;
using PolicyLoop.Policies.Expressions.Net;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>
/// The <c>format()</c> string extension: <c>"%s has %d".format([a, b])</c> with the verbs s, d, f, e, b, o, x, X,
/// an optional precision such as <c>%.3f</c>, and <c>%%</c> for a percent sign.
/// </summary>
internal static class FormatFunctions
{
    [CelFunction("format", CallStyle.Method)]
    public static string Format(string pattern, IList args)
    {
        var builder = new StringBuilder();
        var next = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '%')
            {
                builder.Append(pattern[i]);
                continue;
            }

            i++;
            if (i < pattern.Length && pattern[i] == '%')
            {
                builder.Append('%');
                continue;
            }

            var precision = ReadPrecision(pattern, ref i);
            if (i >= pattern.Length)
            {
                throw new CelException("format: the pattern ends in the middle of a clause");
            }

            if (next >= args.Count)
            {
                throw new CelException($"index {next} out of range: format() has {args.Count} arguments");
            }

            builder.Append(FormatClause(pattern[i], precision, args[next++]));
        }

        return builder.ToString();
    }

    private static int? ReadPrecision(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] != '.')
        {
            return null;
        }

        var start = ++i;
        while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
        {
            i++;
        }

        return int.Parse(pattern.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string FormatClause(char verb, int? precision, object? value) => verb switch
    {
        's' => Text(value),
        'd' => value is double d && Special(d) is { } special ? special : Integer(value, 10, upper: false),
        'b' => value is bool flag ? (flag ? "1" : "0") : Integer(value, 2, upper: false),
        'o' => Integer(value, 8, upper: false),
        'x' or 'X' => Hex(value, verb == 'X'),
        'f' => Fixed(ToDouble(value, verb), precision ?? 6),
        'e' => Scientific(ToDouble(value, verb), precision ?? 6),
        _ => throw new CelException($"could not parse formatting clause: unrecognized formatting clause \"{verb}\""),
    };

    /// <summary>Formats a value the way the %s clause does: strings and bytes unquoted, maps sorted by key.</summary>
    private static string Text(object? value) => value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => Special(d) ?? CelFormat.FormatDouble(d),
        CelBytes bytes => Encoding.UTF8.GetString(bytes.Value.Span),
        CelType type => type.Name,
        DateTime t => CelTime.FormatTimestamp(t),
        TimeSpan d => CelTime.FormatDuration(d),
        IpValue or CidrValue => value.ToString()!,
        IList list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        ICelMap map => "{" + string.Join(", ", map.Keys
            .Select(k => (Key: Text(k), Value: map.TryGetValue(k, out var v) ? Text(v) : ""))
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key + ": " + e.Value)) + "}",
        _ => throw CelErrors.NoOverload("format", value),
    };

    private static string? Special(double d) => double.IsNaN(d) ? "NaN"
        : double.IsPositiveInfinity(d) ? "Infinity"
        : double.IsNegativeInfinity(d) ? "-Infinity"
        : null;

    private static string Integer(object? value, int radix, bool upper)
    {
        var (negative, magnitude) = value switch
        {
            long l => (l < 0, l < 0 ? (ulong)-(l + 1) + 1 : (ulong)l),
            ulong u => (false, u),
            _ => throw new CelException($"error during formatting: integer clause can only be used on integers, was given {CelValues.TypeOf(value)}"),
        };
        var digits = radix == 10 ? magnitude.ToString(CultureInfo.InvariantCulture) : ToRadix(magnitude, radix, upper);
        return negative ? "-" + digits : digits;
    }

    private static string ToRadix(ulong value, int radix, bool upper)
    {
        if (value == 0)
        {
            return "0";
        }

        var alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        var builder = new StringBuilder();
        while (value > 0)
        {
            builder.Insert(0, alphabet[(int)(value % (ulong)radix)]);
            value /= (ulong)radix;
        }

        return builder.ToString();
    }

    private static string Hex(object? value, bool upper) => value switch
    {
        string s => Convert.ToHexString(Encoding.UTF8.GetBytes(s)) is var hex && upper ? hex : hex.ToLowerInvariant(),
        CelBytes b => Convert.ToHexString(b.Value.Span) is var hex && upper ? hex : hex.ToLowerInvariant(),
        long or ulong => Integer(value, 16, upper),
        _ => throw new CelException($"error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given {CelValues.TypeOf(value)}"),
    };

    private static double ToDouble(object? value, char verb) => value switch
    {
        double d => d,
        long l => l,
        ulong u => u,
        _ => throw new CelException($"error during formatting: the %{verb} clause needs a number, was given {CelValues.TypeOf(value)}"),
    };

    /// <summary>
    /// Formats with a fixed number of decimals. .NET rounds the exact binary value, as Go's strconv does, except
    /// that it rounds an exact midpoint such as 2.5 away from zero, so midpoints are rounded half to even here.
    /// </summary>
    private static string Fixed(double value, int precision)
    {
        if (Special(value) is { } special)
        {
            return special;
        }

        var format = "F" + precision.ToString(CultureInfo.InvariantCulture);
        // The value is an exact midpoint at this precision when value * 2^(precision + 1) is an odd integer.
        var doubled = Math.ScaleB(value, precision + 1);
        if (Math.Abs(value) < 7.9e27 && precision <= 20 && doubled == Math.Floor(doubled) && Math.Abs(doubled % 2) == 1)
        {
            return Math.Round((decimal)value, precision, MidpointRounding.ToEven).ToString(format, CultureInfo.InvariantCulture);
        }

        return value.ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Formats as d.ddde+XX, with an exponent of at least two digits like Go's strconv.</summary>
    private static string Scientific(double value, int precision)
    {
        if (Special(value) is { } special)
        {
            return special;
        }

        var text = value.ToString("e" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var sign = exponent < 0 ? "-" : "+";
        return text[..e] + "e" + sign + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }
}
