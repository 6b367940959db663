using System.Text;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>Writes CEL literals for generated policy conditions.</summary>
public static class CelText
{
    /// <summary>Returns a double-quoted CEL string literal with quotes, backslashes and control characters escaped.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
