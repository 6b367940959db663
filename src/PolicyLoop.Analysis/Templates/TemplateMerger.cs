using System.Globalization;

namespace PolicyLoop.Analysis.Templates;

/// <summary>
/// Merges message groups into templates. Groups whose keys have the same number of words and differ
/// in one word are merged when one group's word covers the other's, when the word is a unit after a
/// number, or when each value there was seen once. A value that recurs is part of the template, so
/// <c>VM Started</c> and <c>VM Stopped</c> stay apart. Groups that differ only in the length of a run
/// of variables are merged too.
/// </summary>
internal static partial class TemplateMerger
{
    /// <summary>How a variable is written in a template.</summary>
    public const string Wildcard = TemplateText.Wildcard;

    // Bounds that keep hostile messages from making the merge quadratic: comparing a key with one
    // word left out costs its length squared, and matching a covering word costs the product of two
    // word lengths. Longer keys and words are not merged on one differing word.
    private const int MaxMergeWords = 128;
    private const int MaxCoveringLength = 512;

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
    /// Groups are keyed by 64-bit hashes of the words before and after the position, so the cost is
    /// linear in the words. A set may still contain a colliding group, and the merge leaves it out.
    /// </summary>
    private static IEnumerable<(List<int> Members, int Position)> SameButOneWord(string[][] words)
    {
        var candidates = new Dictionary<(int Length, int Position, ulong Before, ulong After), List<int>>();
        for (var group = 0; group < words.Length; group++)
        {
            var groupWords = words[group];
            if (groupWords.Length > MaxMergeWords)
            {
                continue;
            }

            var (before, after) = PrefixAndSuffixHashes(groupWords);
            var withLetters = groupWords.Count(word => word.Any(char.IsLetter));
            for (var position = 0; position < groupWords.Length; position++)
            {
                if (withLetters - (groupWords[position].Any(char.IsLetter) ? 1 : 0) == 0)
                {
                    continue;
                }

                var key = (groupWords.Length, position, before[position], after[position + 1]);
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

    /// <summary>Hashes of words[..i] (before[i]) and of words[i..] (after[i]).</summary>
    private static (ulong[] Before, ulong[] After) PrefixAndSuffixHashes(string[] words)
    {
        const ulong Multiplier = 1099511628211;
        var before = new ulong[words.Length + 1];
        var after = new ulong[words.Length + 1];
        for (var i = 0; i < words.Length; i++)
        {
            before[i + 1] = (before[i] * Multiplier) + StableHash.Of(words[i]);
        }

        for (var i = words.Length - 1; i >= 0; i--)
        {
            after[i] = (after[i + 1] * Multiplier) + StableHash.Of(words[i], seed: 1);
        }

        return (before, after);
    }

    private static bool SameExcept(string[] words, string[] other, int position)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (i != position && !string.Equals(words[i], other[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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
        members = [.. members.Where(member => SameExcept(words[member], words[members[0]], position))];
        var values = members.Select(member => AsTemplate(words[member][position])).ToArray();
        var covering = values
            .Select((value, index) => (Value: value, Member: members[index]))
            .Where(entry => entry.Value.Length <= MaxCoveringLength
                && entry.Value.Contains(Wildcard, StringComparison.Ordinal))
            .DistinctBy(entry => entry.Value, StringComparer.Ordinal)
            .ToList();
        var merged = false;
        for (var i = 0; i < members.Count; i++)
        {
            var value = values[i];
            foreach (var cover in covering)
            {
                if (cover.Value != value && !IsPlaceholder(value) && TemplateText.Matches(cover.Value, value))
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

    /// <summary>
    /// True for a run of two or more symbols without letters or digits (<c>****</c>, <c>--</c>). A log
    /// writes such a marker in place of a value, so it separates two events.
    /// </summary>
    private static bool IsPlaceholder(string word) =>
        word.Length >= 2 && !word.Any(char.IsLetterOrDigit) && !word.Contains(Wildcard, StringComparison.Ordinal);

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
}
