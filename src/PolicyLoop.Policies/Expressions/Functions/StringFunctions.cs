using System.Collections;
using System.Text;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>The CEL string functions and the easy-to-support string extensions. Indexes count code points.</summary>
internal static class StringFunctions
{
    [CelFunction("contains", CallStyle.Method)]
    public static bool Contains(string text, string part) => text.Contains(part, StringComparison.Ordinal);

    [CelFunction("startsWith", CallStyle.Method)]
    public static bool StartsWith(string text, string prefix) => text.StartsWith(prefix, StringComparison.Ordinal);

    [CelFunction("endsWith", CallStyle.Method)]
    public static bool EndsWith(string text, string suffix) => text.EndsWith(suffix, StringComparison.Ordinal);

    [CelFunction("size", CallStyle.Both)]
    public static long Size(string text) => CodePoints.Count(text);

    [CelFunction("size", CallStyle.Both)]
    public static long Size(CelBytes bytes) => bytes.Value.Length;

    [CelFunction("size", CallStyle.Both)]
    public static long Size(IList list) => list.Count;

    [CelFunction("size", CallStyle.Both)]
    public static long Size(ICelMap map) => map.Count;

    [CelFunction("lowerAscii", CallStyle.Method)]
    public static string LowerAscii(string text)
    {
        // A macro such as list.exists(x, user_agent.lowerAscii().contains(x)) lowers the same string once per
        // element, so the thread's last input and result are kept. Strings are immutable, so the reuse is exact.
        if (ReferenceEquals(text, _lastLowerInput))
        {
            return _lastLowerOutput!;
        }

        var lower = text.AsSpan().ContainsAnyInRange('A', 'Z') ? MapAscii(text, upper: false) : text;
        (_lastLowerInput, _lastLowerOutput) = (text, lower);
        return lower;
    }

    [CelFunction("upperAscii", CallStyle.Method)]
    public static string UpperAscii(string text) =>
        text.AsSpan().ContainsAnyInRange('a', 'z') ? MapAscii(text, upper: true) : text;

    [ThreadStatic]
    private static string? _lastLowerInput;

    [ThreadStatic]
    private static string? _lastLowerOutput;

    private static string MapAscii(string text, bool upper) => string.Create(text.Length, (text, upper), (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = state.text[i];
            span[i] = state.upper ? (char.IsAsciiLetterLower(c) ? (char)(c - 32) : c)
                : (char.IsAsciiLetterUpper(c) ? (char)(c + 32) : c);
        }
    });

    [CelFunction("charAt", CallStyle.Method)]
    public static string CharAt(string text, long index)
    {
        var points = CodePoints.Of(text);
        return index < 0 || index > points.Length
            ? throw new CelException($"index out of range: {index}")
            : index == points.Length ? "" : char.ConvertFromUtf32(points[index]);
    }

    [CelFunction("indexOf", CallStyle.Method)]
    public static long IndexOf(string text, string part) => IndexOf(text, part, 0);

    [CelFunction("indexOf", CallStyle.Method)]
    public static long IndexOf(string text, string part, long start)
    {
        var points = CodePoints.Of(text);
        var needle = CodePoints.Of(part);
        if (start < 0 || start > points.Length)
        {
            throw new CelException($"index out of range: {start}");
        }

        for (var i = (int)start; i + needle.Length <= points.Length; i++)
        {
            if (points.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    [CelFunction("lastIndexOf", CallStyle.Method)]
    public static long LastIndexOf(string text, string part) => LastIndexOf(text, part, CodePoints.Count(text));

    [CelFunction("lastIndexOf", CallStyle.Method)]
    public static long LastIndexOf(string text, string part, long start)
    {
        var points = CodePoints.Of(text);
        var needle = CodePoints.Of(part);
        if (start < 0 || start > points.Length)
        {
            throw new CelException($"index out of range: {start}");
        }

        for (var i = (int)Math.Min(start, points.Length - needle.Length); i >= 0; i--)
        {
            if (points.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }

    [CelFunction("replace", CallStyle.Method)]
    public static string Replace(string text, string old, string replacement) => Replace(text, old, replacement, -1);

    [CelFunction("replace", CallStyle.Method)]
    public static string Replace(string text, string old, string replacement, long limit)
    {
        if (limit == 0)
        {
            return text;
        }

        if (old.Length == 0)
        {
            return ReplaceEmpty(text, replacement, limit);
        }

        var builder = new StringBuilder();
        var position = 0;
        var count = 0L;
        int found;
        while ((limit < 0 || count < limit) && (found = text.IndexOf(old, position, StringComparison.Ordinal)) >= 0)
        {
            builder.Append(text, position, found - position).Append(replacement);
            position = found + old.Length;
            count++;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static string ReplaceEmpty(string text, string replacement, long limit)
    {
        var builder = new StringBuilder();
        var points = CodePoints.Of(text);
        var count = 0L;
        for (var i = 0; i <= points.Length; i++)
        {
            if (limit < 0 || count < limit)
            {
                builder.Append(replacement);
                count++;
            }

            if (i < points.Length)
            {
                builder.Append(char.ConvertFromUtf32(points[i]));
            }
        }

        return builder.ToString();
    }

    [CelFunction("split", CallStyle.Method)]
    public static IList Split(string text, string separator) => Split(text, separator, -1);

    [CelFunction("split", CallStyle.Method)]
    public static IList Split(string text, string separator, long limit)
    {
        if (limit == 0)
        {
            return Array.Empty<object>();
        }

        if (separator.Length == 0)
        {
            var points = CodePoints.Of(text).Select(char.ConvertFromUtf32).ToList();
            if (limit > 0 && points.Count > limit)
            {
                points[(int)limit - 1] = string.Concat(points.Skip((int)limit - 1));
                points.RemoveRange((int)limit, points.Count - (int)limit);
            }

            return points.Cast<object>().ToArray();
        }

        var count = limit < 0 || limit > int.MaxValue ? int.MaxValue : (int)limit;
        return text.Split(separator, count).Cast<object>().ToArray();
    }

    [CelFunction("substring", CallStyle.Method)]
    public static string Substring(string text, long start) => Substring(text, start, CodePoints.Count(text));

    [CelFunction("substring", CallStyle.Method)]
    public static string Substring(string text, long start, long end)
    {
        var points = CodePoints.Of(text);
        if (start < 0 || start > points.Length || end > points.Length || end < 0)
        {
            throw new CelException($"index out of range: {(start < 0 || start > points.Length ? start : end)}");
        }

        if (end < start)
        {
            throw new CelException($"invalid substring range. start: {start}, end: {end}");
        }

        return CodePoints.ToText(points.AsSpan((int)start, (int)(end - start)));
    }

    [CelFunction("trim", CallStyle.Method)]
    public static string Trim(string text) => text.Trim();

    [CelFunction("join", CallStyle.Method)]
    public static string Join(IList list) => Join(list, "");

    [CelFunction("join", CallStyle.Method)]
    public static string Join(IList list, string separator) =>
        string.Join(separator, list.Cast<object?>().Select(item =>
            item as string ?? throw CelErrors.NoOverload("join", item)));

    [CelFunction("reverse", CallStyle.Method)]
    public static string Reverse(string text)
    {
        var points = CodePoints.Of(text);
        Array.Reverse(points);
        return CodePoints.ToText(points);
    }

    [CelFunction("strings.quote")]
    public static string Quote(string text) => CelFormat.Quote(text);
}
