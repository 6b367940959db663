using System.Text;

namespace PolicyLoop.Policies.Expressions.Functions;

/// <summary>Code point views of strings, because CEL string indexes and sizes count code points.</summary>
internal static class CodePoints
{
    public static int Count(string text) => Count(text.AsSpan());

    public static int Count(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return text.Length;
        }

        var count = text.Length;
        foreach (var c in text)
        {
            if (char.IsLowSurrogate(c))
            {
                count--;
            }
        }

        return count;
    }

    public static int[] Of(string text)
    {
        var points = new int[Count(text)];
        var i = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            points[i++] = rune.Value;
        }

        return points;
    }

    public static string ToText(ReadOnlySpan<int> points)
    {
        var builder = new StringBuilder(points.Length);
        foreach (var point in points)
        {
            builder.Append(char.ConvertFromUtf32(point));
        }

        return builder.ToString();
    }
}
