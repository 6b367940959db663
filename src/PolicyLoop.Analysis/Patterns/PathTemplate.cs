using System.Globalization;
using System.Text;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Turns a request path into a template: each segment that is an id, a number, a hash or a date becomes a
/// placeholder (<c>&lt;num&gt;</c>, <c>&lt;hex&gt;</c>, <c>&lt;uuid&gt;</c>, <c>&lt;date&gt;</c>, <c>&lt;id&gt;</c>),
/// so <c>/orders/8812/items/3</c> and <c>/orders/17/items/9</c> share <c>/orders/&lt;num&gt;/items/&lt;num&gt;</c>.
/// One pass over the text; the query string is dropped.
/// </summary>
public static class PathTemplate
{
    /// <summary>Segments after this many are replaced by one <c>&lt;...&gt;</c>, which bounds the number of templates.</summary>
    public const int MaxSegments = 12;

    public static string? Of(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var end = path.AsSpan().IndexOfAny('?', '#');
        var text = end < 0 ? path.AsSpan() : path.AsSpan(0, end);
        var builder = new StringBuilder(text.Length);
        var segments = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var slash = text[start..].IndexOf('/');
            var segment = slash < 0 ? text[start..] : text.Slice(start, slash);
            if (segments == MaxSegments)
            {
                builder.Append("<...>");
                break;
            }

            var stem = StripExtension(segment);
            if (Placeholder(stem) is { } placeholder)
            {
                builder.Append(placeholder).Append(segment[stem.Length..]);
            }
            else
            {
                builder.Append(segment);
            }

            segments++;
            if (slash < 0)
            {
                break;
            }

            builder.Append('/');
            start += slash + 1;
        }

        return builder.ToString();
    }

    /// <summary>Returns the placeholder for a variable segment (without its extension), or null to keep it.</summary>
    private static string? Placeholder(ReadOnlySpan<char> stem)
    {
        if (stem.IsEmpty)
        {
            return null;
        }

        var digits = 0;
        var hexLetters = 0;
        var others = 0;
        var dashes = 0;
        foreach (var c in stem)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiHexDigit(c))
            {
                hexLetters++;
            }
            else if (c is '-' or '_' or '.')
            {
                dashes++;
            }
            else
            {
                others++;
            }
        }

        if (IsDate(stem))
        {
            return "<date>";
        }

        if (digits > 0 && digits == stem.Length)
        {
            return "<num>";
        }

        if (stem.Length == 36 && dashes == 4 && others == 0)
        {
            return "<uuid>";
        }

        if (stem.Length >= 8 && digits > 0 && others == 0 && dashes == 0)
        {
            return "<hex>";
        }

        // Long tokens that mix letters and digits are ids (base64 keys, session tokens), not words.
        return stem.Length >= 16 && digits >= 2 && others + hexLetters > 0 ? "<id>" : null;
    }

    private static ReadOnlySpan<char> StripExtension(ReadOnlySpan<char> segment)
    {
        var dot = segment.LastIndexOf('.');
        return dot > 0 && segment.Length - dot <= 5 ? segment[..dot] : segment;
    }

    /// <summary>True for yyyy-mm-dd, yyyy_mm_dd and yyyymmdd with a plausible year, month and day.</summary>
    private static bool IsDate(ReadOnlySpan<char> stem)
    {
        if (stem.Length == 10 && stem[4] == stem[7] && stem[4] is '-' or '_')
        {
            return IsDate(stem[..4], stem.Slice(5, 2), stem.Slice(8, 2));
        }

        return stem.Length == 8 && IsDate(stem[..4], stem.Slice(4, 2), stem.Slice(6, 2));
    }

    private static bool IsDate(ReadOnlySpan<char> year, ReadOnlySpan<char> month, ReadOnlySpan<char> day) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1970 and <= 2099
        && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
        && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31;
}
