using System.Globalization;
using System.Net;
using System.Text;

namespace PolicyLoop.Reports;

/// <summary>
/// Makes log-derived text safe to show: control characters and bidirectional overrides become
/// visible escapes such as <c>\x1b</c>, long values are cut, and HTML output is encoded.
/// </summary>
public static class SafeText
{
    /// <summary>Default number of characters shown of one value.</summary>
    public const int DefaultMaxLength = 160;

    /// <summary>Returns the text with invisible characters escaped and cut to <paramref name="maxLength"/>.</summary>
    public static string ForDisplay(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            AppendVisible(builder, rune);
        }

        return builder.ToString();
    }

    /// <summary>Returns the display form of the text, HTML-encoded for element content and attribute values.</summary>
    public static string Html(string? text, int maxLength = DefaultMaxLength) =>
        WebUtility.HtmlEncode(ForDisplay(text, maxLength));

    /// <summary>Returns the display form for a Markdown table cell: pipes, backticks and markup characters escaped.</summary>
    public static string Markdown(string? text, int maxLength = DefaultMaxLength)
    {
        var display = ForDisplay(text, maxLength);
        var builder = new StringBuilder(display.Length + 8);
        foreach (var c in display)
        {
            if (c is '|' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '\\' or '#' or '!')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static void AppendVisible(StringBuilder builder, Rune rune)
    {
        var value = rune.Value;
        var isControl = value < 0x20 || (value >= 0x7F && value <= 0x9F);
        var isBidiControl = value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F;
        if (isControl)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\x{value:x2}");
        }
        else if (isBidiControl)
        {
            builder.Append(CultureInfo.InvariantCulture, $"\\u{value:x4}");
        }
        else
        {
            builder.Append(rune.ToString());
        }
    }
}
