namespace PolicyLoop.Analysis.Templates;

/// <summary>Matching of template texts against messages.</summary>
public static class TemplateText
{
    /// <summary>How a variable is written in a template.</summary>
    public const string Wildcard = "<*>";

    /// <summary>
    /// True when <paramref name="text"/> is <paramref name="template"/> with each <c>&lt;*&gt;</c> replaced by
    /// some string (empty included). Greedy wildcard matching with one backtrack point, so time is at
    /// most proportional to the product of the two lengths.
    /// </summary>
    public static bool Matches(string template, string text)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(text);
        int t = 0, s = 0, star = -1, resume = 0;
        while (s < text.Length)
        {
            if (t < template.Length && string.CompareOrdinal(template, t, Wildcard, 0, Wildcard.Length) == 0)
            {
                star = t;
                resume = s;
                t += Wildcard.Length;
            }
            else if (t < template.Length && template[t] == text[s])
            {
                t++;
                s++;
            }
            else if (star >= 0)
            {
                t = star + Wildcard.Length;
                s = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (t < template.Length && string.CompareOrdinal(template, t, Wildcard, 0, Wildcard.Length) == 0)
        {
            t += Wildcard.Length;
        }

        return t == template.Length;
    }
}
