namespace PolicyLoop.Analysis.Templates;

/// <summary>The text of a merged template.</summary>
internal static partial class TemplateMerger
{
    /// <summary>
    /// The words all members start and end with, and one variable for the rest: what groups of
    /// different lengths have in common. Each member keeps at least one word for the variable.
    /// </summary>
    private static string AroundCommonEnds(List<string[]> rendered)
    {
        var shortest = rendered.Min(words => words.Length);
        var prefix = 0;
        while (prefix < shortest - 1 && rendered.All(words => words[prefix] == rendered[0][prefix]))
        {
            prefix++;
        }

        var suffix = 0;
        while (prefix + suffix < shortest - 1
            && rendered.All(words => words[^(suffix + 1)] == rendered[0][^(suffix + 1)]))
        {
            suffix++;
        }

        var first = rendered[0];
        return string.Join(' ', [.. first[..prefix], Wildcard, .. first[^suffix..]]);
    }

    private static string Render(List<int> members, IReadOnlyList<MessageGroup> groups)
    {
        if (members.Count == 1)
        {
            return groups[members[0]].Render();
        }

        var rendered = members
            .OrderByDescending(member => groups[member].Count)
            .Select(member => groups[member].Render().Split(' '))
            .ToList();
        if (rendered.Any(words => words.Length != rendered[0].Length))
        {
            rendered = [.. rendered.Select(words => CollapseRuns(words, Wildcard))];
        }

        var first = rendered[0];
        if (rendered.Any(words => words.Length != first.Length))
        {
            return AroundCommonEnds(rendered);
        }

        var result = new string[first.Length];
        for (var i = 0; i < first.Length; i++)
        {
            var position = i;
            var values = rendered.Select(words => words[position]).Distinct(StringComparer.Ordinal).ToList();
            // Where the groups differ, keep a variable word that covers every value there (mask=<*>
            // rather than <*>).
            result[i] = values.Count == 1
                ? values[0]
                : values.FirstOrDefault(value => value.Length <= MaxCoveringLength
                    && value.Contains(Wildcard, StringComparison.Ordinal)
                    && values.All(other => TemplateText.Matches(value, other))) ?? Wildcard;
        }

        return string.Join(' ', result);
    }
}
