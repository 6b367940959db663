using System.Text.Json;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.AwsWaf;

/// <summary>Finds the deciding rule and every matched rule of an AWS WAF log record.</summary>
internal static class AwsWafRules
{
    /// <summary>
    /// Returns the terminating rule, with the rule group's own terminating rule appended after a
    /// slash when the web ACL rule is a rule group; null for <c>Default_Action</c>.
    /// </summary>
    public static string? DecidingRule(JsonElement root)
    {
        var terminating = JsonValues.GetString(root, "terminatingRuleId");
        if (AwsWafParser.IsDefaultAction(terminating))
        {
            return null;
        }

        foreach (var group in Items(root, "ruleGroupList"))
        {
            if (JsonValues.GetString(group, "terminatingRule", "ruleId") is { } inner)
            {
                return $"{terminating}/{inner}";
            }
        }

        return terminating;
    }

    /// <summary>
    /// Returns the deciding rule, the rate-based rules and the non-terminating (COUNT) matches,
    /// without repeats.
    /// </summary>
    public static List<string> MatchedRules(JsonElement root, string? decidingRule)
    {
        var matched = new List<string>();
        if (decidingRule is not null)
        {
            matched.Add(decidingRule);
        }

        foreach (var rule in Items(root, "nonTerminatingMatchingRules"))
        {
            AddOnce(matched, JsonValues.GetString(rule, "ruleId"));
        }

        foreach (var group in Items(root, "ruleGroupList"))
        {
            var groupId = JsonValues.GetString(group, "ruleGroupId");
            foreach (var rule in Items(group, "nonTerminatingMatchingRules"))
            {
                var ruleId = JsonValues.GetString(rule, "ruleId");
                if (ruleId is not null && groupId is not null)
                {
                    ruleId = $"{groupId}/{ruleId}";
                }

                AddOnce(matched, ruleId);
            }
        }

        foreach (var rule in Items(root, "rateBasedRuleList"))
        {
            var name = JsonValues.GetString(rule, "rateBasedRuleName") ?? JsonValues.GetString(rule, "rateBasedRuleId");
            AddOnce(matched, name);
        }

        return matched;
    }

    private static void AddOnce(List<string> rules, string? rule)
    {
        if (rule is not null && !rules.Contains(rule))
        {
            rules.Add(rule);
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        JsonValues.Get(element, name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object)
            : [];
}
