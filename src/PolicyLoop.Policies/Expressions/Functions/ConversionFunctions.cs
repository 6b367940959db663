using System.Globalization;
using System.Text;
using PolicyLoop.Policies.Expressions.Net;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>The CEL type conversions: <c>int()</c>, <c>uint()</c>, <c>double()</c>, <c>string()</c> and friends.</summary>
internal static class ConversionFunctions
{
    [CelFunction("int")]
    public static long Int(long value) => value;

    [CelFunction("int")]
    public static long Int(ulong value) => value > long.MaxValue ? throw RangeError() : (long)value;

    [CelFunction("int")]
    public static long Int(double value) =>
        double.IsNaN(value) || value <= -9.223372036854775808e18 || value >= 9.223372036854775807e18
            ? throw RangeError()
            : (long)value;

    [CelFunction("int")]
    public static long Int(string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new CelException($"cannot convert '{value}' to int");

    [CelFunction("int")]
    public static long Int(DateTime value) => CelTime.ToUnixSeconds(value);

    [CelFunction("uint")]
    public static ulong Uint(ulong value) => value;

    [CelFunction("uint")]
    public static ulong Uint(long value) => value < 0 ? throw RangeError() : (ulong)value;

    [CelFunction("uint")]
    public static ulong Uint(double value) =>
        double.IsNaN(value) || value < 0 || value >= 1.8446744073709551615e19 ? throw RangeError() : (ulong)value;

    [CelFunction("uint")]
    public static ulong Uint(string value) =>
        ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new CelException($"cannot convert '{value}' to uint");

    [CelFunction("double")]
    public static double Double(double value) => value;

    [CelFunction("double")]
    public static double Double(long value) => value;

    [CelFunction("double")]
    public static double Double(ulong value) => value;

    [CelFunction("double")]
    public static double Double(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : value switch
            {
                "NaN" => double.NaN,
                "Infinity" or "+Infinity" or "inf" or "+inf" => double.PositiveInfinity,
                "-Infinity" or "-inf" => double.NegativeInfinity,
                _ => throw new CelException($"cannot convert '{value}' to double"),
            };

    [CelFunction("string")]
    public static string String(string value) => value;

    [CelFunction("string")]
    public static string String(long value) => value.ToString(CultureInfo.InvariantCulture);

    [CelFunction("string")]
    public static string String(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    [CelFunction("string")]
    public static string String(double value) => CelFormat.FormatDouble(value);

    [CelFunction("string")]
    public static string String(bool value) => value ? "true" : "false";

    [CelFunction("string")]
    public static string String(CelBytes value)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(value.Value.Span);
        }
        catch (DecoderFallbackException)
        {
            throw new CelException("invalid UTF-8 in bytes, cannot convert to string");
        }
    }

    [CelFunction("string")]
    public static string String(DateTime value) => CelTime.FormatTimestamp(value);

    [CelFunction("string")]
    public static string String(TimeSpan value) => CelTime.FormatDuration(value);

    [CelFunction("string")]
    public static string String(IpValue value) => value.ToString();

    [CelFunction("string")]
    public static string String(CidrValue value) => value.ToString();

    [CelFunction("bytes")]
    public static CelBytes Bytes(CelBytes value) => value;

    [CelFunction("bytes")]
    public static CelBytes Bytes(string value) => new(Encoding.UTF8.GetBytes(value));

    [CelFunction("bool")]
    public static bool Bool(bool value) => value;

    [CelFunction("bool")]
    public static bool Bool(string value) => value switch
    {
        "1" or "t" or "true" or "TRUE" or "True" => true,
        "0" or "f" or "false" or "FALSE" or "False" => false,
        _ => throw new CelException($"cannot convert '{value}' to bool"),
    };

    [CelFunction("dyn")]
    public static object? Dyn(object? value) => value;

    [CelFunction("type")]
    public static CelType Type(object? value) => CelValues.TypeOf(value) is { IsList: true } ? ListType
        : CelValues.TypeOf(value) is { IsMap: true } ? MapType : CelValues.TypeOf(value);

    private static readonly CelType ListType = CelType.List(CelType.Dyn);
    private static readonly CelType MapType = CelType.Map(CelType.Dyn, CelType.Dyn);

    private static CelException RangeError() => new("range error: the value does not fit the target type");
}
