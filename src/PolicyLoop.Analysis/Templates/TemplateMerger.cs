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
        foreach (var (members, position) in SameButOneWord(words))
        {
            MergeAtOneWord(members, position, groups, words, sets);
        }

        MergeVariableRuns(words, sets);

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

    // A value seen this many times or fewer at a place where groups differ is taken for a variable.
    private const int RareCount = 1;

    /// <summary>
    /// Merges groups that differ in one word where one group's word, read as a template, covers the
    /// other's (<c>chdir(&lt;*&gt;)</c> covers <c>chdir(pwd)</c>); failing that, merges them when every
    /// value there was seen once.
    /// </summary>
    private static void MergeAtOneWord(
        List<int> members, int position, IReadOnlyList<MessageGroup> groups, string[][] words, DisjointSets sets)
    {
        var values = members.Select(member => AsTemplate(words[member][position])).ToArray();
        var covering = values
            .Select((value, index) => (Value: value, Member: members[index]))
            .Where(entry => entry.Value.Contains(Wildcard, StringComparison.Ordinal))
            .DistinctBy(entry => entry.Value, StringComparer.Ordinal)
            .ToList();
        var merged = false;
        for (var i = 0; i < members.Count; i++)
        {
            var value = values[i];
            foreach (var cover in covering)
            {
                if (cover.Value != value && TemplateText.Matches(cover.Value, value))
                {
                    sets.Union(cover.Member, members[i]);
                    merged = true;
                    break;
                }
            }
        }

        if (!merged && IsUnitAfterNumber(members, position, words))
        {
            merged = true;
            foreach (var member in members.Skip(1))
            {
                sets.Union(members[0], member);
            }
        }

        if (!merged && members.All(member => groups[member].Count <= RareCount))
        {
            foreach (var member in members.Skip(1))
            {
                sets.Union(members[0], member);
            }
        }
    }

    // Units of size and time: "93.0 B" and "5.2 KB" are one quantity, however the unit changes.
    private static readonly HashSet<string> Units = new(
        ["B", "KB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "bytes", "ns", "us", "ms", "s", "sec", "min", "h"],
        StringComparer.Ordinal);

    /// <summary>True for a key word made of masked pieces and punctuation only, such as <c>&lt;*&gt;,</c>.</summary>
    private static bool IsPureVariable(string word) =>
        word.Contains(TemplateMiner.MaskMarker, StringComparison.Ordinal) && !word.Any(char.IsLetter);

    private static bool IsUnitAfterNumber(List<int> members, int position, string[][] words) =>
        position > 0
        && IsPureVariable(words[members[0]][position - 1])
        && members.All(member => Units.Contains(words[member][position].TrimEnd(',', ';', ')', '.')));

    /// <summary>
    /// Merges groups that differ only in how many variables stand in a row (lists such as
    /// <c>delete blk_1 blk_2 blk_3</c>).
    /// </summary>
    private static void MergeVariableRuns(string[][] words, DisjointSets sets)
    {
        var byCollapsed = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var group = 0; group < words.Length; group++)
        {
            var collapsed = CollapseRuns(words[group], MaskWord);
            if (collapsed.Length == words[group].Length || !collapsed.Any(word => word.Any(char.IsLetter)))
            {
                continue;
            }

            var key = string.Join(' ', collapsed);
            if (byCollapsed.TryGetValue(key, out var first))
            {
                sets.Union(first, group);
            }
            else
            {
                byCollapsed[key] = group;
            }
        }

        for (var group = 0; group < words.Length; group++)
        {
            if (byCollapsed.TryGetValue(string.Join(' ', words[group]), out var longer))
            {
                sets.Union(longer, group);
            }
        }
    }

    private static readonly string MaskWord = TemplateMiner.MaskMarker.ToString();

    private static string[] CollapseRuns(string[] words, string variable) =>
        [.. words.Where((word, i) => !(word == variable && i > 0 && words[i - 1] == variable))];

    private static string AsTemplate(string keyWord) =>
        keyWord.Replace(MaskWord, Wildcard, StringComparison.Ordinal);

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
                : values.FirstOrDefault(value => value.Contains(Wildcard, StringComparison.Ordinal)
                    && values.All(other => TemplateText.Matches(value, other))) ?? Wildcard;
        }

        return string.Join(' ', result);
    }
}
