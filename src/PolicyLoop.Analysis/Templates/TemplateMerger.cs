using System.Globalization;

namespace PolicyLoop.Analysis.Templates;

/// <summary>
/// Merges message groups into templates. Two groups whose keys split into the same number of
/// whitespace-separated words and differ in exactly one of them are the same template when that word is
/// a variable in one of them (<c>&lt;*&gt;</c> with punctuation only), or when each value there was seen
/// once (a rare value is a variable; a value that recurs is part of the template, so <c>VM Started</c>
/// and <c>VM Stopped</c> stay apart).
/// </summary>
internal static class TemplateMerger
{
    /// <summary>How a variable is written in a template.</summary>
    public const string Wildcard = TemplateText.Wildcard;

    public static TemplateSet Merge(IReadOnlyList<MessageGroup> groups)
    {
        var words = groups.Select(group => group.Key.Split(' ')).ToArray();
        var sets = new DisjointSets(groups.Count);
        foreach (var candidates in SameButOneWord(words))
        {
            if (ShouldMerge(candidates.Members, candidates.Position, groups, words))
            {
                foreach (var member in candidates.Members.Skip(1))
                {
                    sets.Union(candidates.Members[0], member);
                }
            }
        }

        var byText = Enumerable.Range(0, groups.Count)
            .GroupBy(sets.Find)
            .Select(set => (Members: set.ToList(), Text: Render(set.ToList(), groups)))
            .GroupBy(entry => entry.Text, StringComparer.Ordinal)
            .Select(same => (Members: same.SelectMany(entry => entry.Members).ToList(), Text: same.Key))
            .Select(entry => (entry.Members, entry.Text, Count: entry.Members.Sum(member => groups[member].Count)))
            .OrderByDescending(entry => entry.Count)
            .ThenBy(entry => entry.Text, StringComparer.Ordinal)
            .ToList();

        var templateOfGroup = new int[groups.Count];
        var templates = new List<MinedTemplate>(byText.Count);
        for (var index = 0; index < byText.Count; index++)
        {
            var (members, text, count) = byText[index];
            templates.Add(new MinedTemplate("T" + (index + 1).ToString(CultureInfo.InvariantCulture), text, count));
            foreach (var member in members)
            {
                templateOfGroup[member] = index;
            }
        }

        return new TemplateSet(templates, templateOfGroup);
    }

    /// <summary>
    /// Sets of groups with the same words except at one position, where the words they share include
    /// one with a letter (two groups that share only variables or punctuation have nothing in common).
    /// </summary>
    private static IEnumerable<(List<int> Members, int Position)> SameButOneWord(string[][] words)
    {
        var candidates = new Dictionary<(int Position, string Others), List<int>>();
        for (var group = 0; group < words.Length; group++)
        {
            var groupWords = words[group];
            for (var position = 0; position < groupWords.Length; position++)
            {
                if (!groupWords.Where((_, i) => i != position).Any(word => word.Any(char.IsLetter)))
                {
                    continue;
                }

                var rest = string.Join(' ', groupWords.Where((_, i) => i != position));
                var key = (position, rest);
                if (!candidates.TryGetValue(key, out var members))
                {
                    candidates[key] = members = [];
                }

                members.Add(group);
            }
        }

        return candidates
            .Where(pair => pair.Value.Count > 1)
            .Select(pair => (pair.Value, pair.Key.Position));
    }

    private static bool ShouldMerge(List<int> members, int position, IReadOnlyList<MessageGroup> groups, string[][] words)
    {
        if (members.Any(member => IsPureVariable(words[member][position])))
        {
            return true;
        }

        return members.All(member => groups[member].Count == 1);
    }

    /// <summary>True for a word made of masked pieces and punctuation only, such as <c>&lt;*&gt;,</c>.</summary>
    private static bool IsPureVariable(string word) =>
        word.Contains(TemplateMiner.MaskMarker, StringComparison.Ordinal)
        && !word.Any(char.IsLetter);

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
        var first = rendered[0];
        if (rendered.Any(words => words.Length != first.Length))
        {
            return string.Join(' ', first);
        }

        var result = new string[first.Length];
        for (var i = 0; i < first.Length; i++)
        {
            var position = i;
            var values = rendered.Select(words => words[position]).Distinct(StringComparer.Ordinal).ToList();
            // Where the groups differ, keep the punctuation of a variable word (<*>, rather than <*>) when
            // it covers every value there.
            result[i] = values.Count == 1
                ? values[0]
                : values.FirstOrDefault(value => value.Contains(Wildcard, StringComparison.Ordinal)
                    && !value.Replace(Wildcard, "", StringComparison.Ordinal).Any(char.IsLetter)
                    && values.All(other => TemplateText.Matches(value, other))) ?? Wildcard;
        }

        return string.Join(' ', result);
    }
}
