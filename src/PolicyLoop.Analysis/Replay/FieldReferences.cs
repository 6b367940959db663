using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Finds which event fields a condition reads, by scanning its text for field names that stand
/// as whole identifiers outside string literals and are not member names after a dot.
/// </summary>
/// <remarks>
/// NOTE: a lexical scan, not a walk of the compiled tree: a macro variable named like a field
/// (<c>[1].exists(path, ...)</c>) counts as a read of that field. That errs towards reporting a
/// field as needed, which only makes the unfaithful-replay warning more cautious.
/// </remarks>
public static class FieldReferences
{
    private static readonly HashSet<string> FieldNames = new(DecisionEventFields.Names, StringComparer.Ordinal);

    public static IReadOnlySet<string> In(string condition)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < condition.Length)
        {
            var c = condition[i];
            if (c is '"' or '\'')
            {
                i = SkipString(condition, i);
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < condition.Length && (char.IsAsciiLetterOrDigit(condition[i]) || condition[i] == '_'))
                {
                    i++;
                }

                var name = condition[start..i];
                var isMember = start > 0 && condition[start - 1] == '.';
                var isRawPrefix = name is "r" or "R" && i < condition.Length && condition[i] is '"' or '\'';
                if (!isMember && !isRawPrefix && FieldNames.Contains(name))
                {
                    found.Add(name);
                }
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    private static int SkipString(string text, int start)
    {
        var quote = text[start];
        var triple = start + 2 < text.Length && text[start + 1] == quote && text[start + 2] == quote;
        var i = start + (triple ? 3 : 1);
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                return i + (triple ? 3 : 1);
            }

            i++;
        }

        return text.Length;
    }
}
