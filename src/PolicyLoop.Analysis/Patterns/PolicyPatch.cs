using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Edits a policy file's text so comments and layout survive: a rule's <c>when</c> entry is replaced by a
/// literal block scalar (which needs no escaping), a rule can be inserted before another, and the top-level
/// <c>version</c> gets a suffix. The caller loads and compiles the result, so a broken edit is caught.
/// </summary>
public static partial class PolicyPatch
{
    /// <summary>Returns the text with the rule's condition narrowed to exclude the segment.</summary>
    public static string Exempt(string text, PolicyRule rule, string segmentCondition)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return ReplaceWhen(text, rule, $"({rule.When.Trim()})\n&& !({segmentCondition})");
    }

    /// <summary>
    /// Returns the text with the segment exempted from the rule and given a rule of its own, inserted just
    /// before it, whose rate and count limits are multiplied by <paramref name="factor"/>. Null when the
    /// condition has no <c>rate(...)</c> or <c>count(...)</c> comparison with a number.
    /// </summary>
    public static string? SeparateLimit(string text, PolicyRule rule, string segmentCondition, string newRuleId,
        int factor)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var scaled = LimitPattern().Replace(rule.When.Trim(), match =>
        {
            var limit = long.Parse(match.Groups["limit"].ValueSpan, CultureInfo.InvariantCulture);
            return match.Groups["call"].Value + match.Groups["op"].Value
                + (limit * factor).ToString(CultureInfo.InvariantCulture);
        });
        if (scaled == rule.When.Trim())
        {
            return null;
        }

        var exempted = Exempt(text, rule, segmentCondition);
        var lines = SplitLines(exempted);
        var ruleLine = rule.Line - 1;
        var indent = Indent(lines[ruleLine]);
        var dash = lines[ruleLine].TrimStart().StartsWith('-') ? indent : Math.Max(0, indent - 2);
        var pad = new string(' ', dash + 2);
        var inserted = new List<string>
        {
            new string(' ', dash) + "- id: " + YamlQuote(newRuleId),
            pad + "description: " + YamlQuote($"{rule.Id} with {factor} times the limit for one segment."),
            pad + "when: |-",
            pad + "  (" + segmentCondition + ")",
            pad + "  && (" + scaled.Replace("\n", "\n" + pad + "  ", StringComparison.Ordinal) + ")",
            pad + "action: " + rule.Action.ToString().ToLowerInvariant(),
            pad + "mode: " + (rule.Mode == Core.EnforcementMode.Shadow ? "shadow" : "enforce"),
            "",
        };
        var start = lines[ruleLine].TrimStart().StartsWith('-') ? ruleLine : FindDash(lines, ruleLine);
        lines.InsertRange(start, inserted);
        return string.Join('\n', lines);
    }

    /// <summary>Returns the text with <c>+suffix</c> appended to the top-level version.</summary>
    public static string WithVersion(string text, string version)
    {
        var lines = SplitLines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].StartsWith("version:", StringComparison.Ordinal))
            {
                lines[i] = "version: " + YamlQuote(version);
                return string.Join('\n', lines);
            }
        }

        return text;
    }

    /// <summary>Returns a YAML double-quoted scalar.</summary>
    public static string YamlQuote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                < ' ' => builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    private static string ReplaceWhen(string text, PolicyRule rule, string condition)
    {
        var lines = SplitLines(text);
        var start = FindWhen(lines, rule);
        var indent = Indent(lines[start]);
        var end = start + 1;
        while (end < lines.Count && (string.IsNullOrWhiteSpace(lines[end]) || Indent(lines[end]) > indent))
        {
            end++;
        }

        // Keep the blank lines that separated the entry from the next one.
        while (end > start + 1 && string.IsNullOrWhiteSpace(lines[end - 1]))
        {
            end--;
        }

        var pad = new string(' ', indent + 2);
        var key = lines[start][..lines[start].IndexOf("when:", StringComparison.Ordinal)];
        var block = new List<string> { key + "when: |-" };
        block.AddRange(condition.Split('\n').Select(line => pad + line.Trim()));
        lines.RemoveRange(start, end - start);
        lines.InsertRange(start, block);
        return string.Join('\n', lines);
    }

    private static int FindWhen(List<string> lines, PolicyRule rule)
    {
        for (var i = Math.Max(0, rule.Line - 1); i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart(' ', '-');
            if (trimmed.StartsWith("when:", StringComparison.Ordinal) && (i == rule.Line - 1 || !IsNextRule(lines[i])))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"the when entry of rule {rule.Id} was not found after line {rule.Line}");
    }

    private static bool IsNextRule(string line) => line.TrimStart().StartsWith("- ", StringComparison.Ordinal);

    private static int FindDash(List<string> lines, int from)
    {
        for (var i = from; i >= 0; i--)
        {
            if (lines[i].TrimStart().StartsWith('-'))
            {
                return i;
            }
        }

        return from;
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static List<string> SplitLines(string text) => [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')];

    [GeneratedRegex(@"(?<call>\b(rate|count)\([^()]*\)\s*)(?<op>>=?\s*)(?<limit>\d+)", RegexOptions.NonBacktracking)]
    private static partial Regex LimitPattern();
}
