using PolicyLoop.Core;

namespace PolicyLoop.Policies.Files;

public static partial class PolicyLoader
{
    private static List<PolicyRule> ReadRules(MappingReader reader, string file, List<Diagnostic> diagnostics)
    {
        var rules = new List<PolicyRule>();
        var node = reader.Node("rules");
        if (node is null)
        {
            reader.String("rules", required: true);
            return rules;
        }

        if (node is not YamlSequence sequence)
        {
            reader.Add("PL006", "'rules' must be a list of rules", node, "start each rule with '- id: ...'");
            return rules;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping mapping)
            {
                reader.Add("PL006", "a rule must be a mapping with id, when and action", item);
                continue;
            }

            var rule = ReadRule(mapping, file, diagnostics);
            if (rule is null)
            {
                continue;
            }

            if (seen.TryGetValue(rule.Id, out var firstLine))
            {
                diagnostics.Add(new Diagnostic("PL008", $"duplicate rule id '{rule.Id}'",
                    new DiagnosticLocation(file, rule.Line, mapping.Column), $"the first rule with this id is on line {firstLine}"));
                continue;
            }

            seen[rule.Id] = rule.Line;
            rules.Add(rule);
        }

        return rules;
    }

    private static PolicyRule? ReadRule(YamlMapping mapping, string file, List<Diagnostic> diagnostics)
    {
        var reader = new MappingReader(mapping, file, "a rule", RuleKeys, diagnostics);
        var id = reader.String("id", required: true);
        var when = reader.String("when", required: true);
        var action = ReadAction(reader, "action", required: true, allowCount: true);
        var mode = EnforcementMode.Enforce;
        if (reader.String("mode", required: false) is { } modeText && !DecisionNames.TryParseMode(modeText, out mode))
        {
            reader.Add("PL007", $"invalid mode '{modeText}'", reader.Node("mode")!, "use enforce or shadow");
        }

        // Reports name the policy's default "(default)" and a logged reject without a rule "(no rule logged)".
        if (id is not null && id.StartsWith('(') && id.EndsWith(')'))
        {
            reader.Add("PL009", $"invalid rule id '{id}': ids in parentheses are reserved for the reports", reader.Node("id")!,
                "remove the parentheses, for example " + id.Trim('(', ')'));
            return null;
        }

        if (id is null || when is null || action is null)
        {
            return null;
        }

        var whenNode = (YamlScalar)reader.Node("when")!;
        var span = new SourceSpan(file, whenNode.Line, whenNode.Column + QuoteWidth(whenNode), MappingReader.IsBlock(whenNode));
        return new PolicyRule(id, reader.String("description", required: false), when, span, action.Value, mode,
            reader.String("severity", required: false), reader.Strings("tags"), reader.Strings("evidence"), mapping.Line);
    }

    private static int QuoteWidth(YamlScalar scalar) =>
        scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted ? 1 : 0;
}
