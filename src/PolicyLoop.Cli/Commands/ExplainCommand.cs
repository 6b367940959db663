using System.CommandLine;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Cli.Patterns;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Reports;
using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop explain</c>: the attribute combinations over-represented among a rule's rejects compared with
/// allowed traffic (or among its false positives compared with its true positives), ranked by risk ratio.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var options = new ExplainOptionSet();
        var rule = new Option<string?>("--rule") { Description = "Explain this rule; without it, every rule with rejects." };
        var versus = new Option<string>("--versus")
        {
            Description = "Compare the rule's rejects with allowed traffic, or its false positives with its true positives.",
            DefaultValueFactory = _ => "allowed",
        };
        versus.AcceptOnlyFromAmong("allowed", "true-positives");
        var json = new Option<bool>("--json") { Description = "Print the segments as JSON." };
        var command = new Command("explain", "Find what a rule's rejects have in common: segments ranked by risk ratio.");
        options.AddTo(command);
        command.Add(rule);
        command.Add(versus);
        command.Add(json);
        command.SetAction(parsed => Run(
            options,
            parsed,
            parsed.GetValue(rule),
            PatternInputs.ParseVersus(parsed.GetValue(versus)!),
            parsed.GetValue(json)));
        return command;
    }

    private static int Run(ExplainOptionSet options, ParseResult parsed, string? rule, SegmentComparison versus,
        bool json)
    {
        var minerOptions = options.ReadMinerOptions(parsed);
        var policyPath = parsed.GetValue(options.Policy);
        var policy = policyPath is null ? null : PolicyFiles.LoadCompiled(policyPath);
        using var store = PatternInputs.OpenStore(parsed.GetValue(options.Store)!);
        var labels = PatternInputs.Labels(store);
        if (versus == SegmentComparison.TruePositives && !labels.Any)
        {
            throw new UsageException("--versus true-positives needs review labels, and this store has none; "
                + "use --versus allowed");
        }

        var table = PatternInputs.Load(store, policy);
        var rules = RulesToExplain(table, rule);
        var findings = rules
            .SelectMany(ruleId => SegmentExplainer.Explain(table, ruleId, versus, labels, minerOptions))
            .ToList();
        if (json)
        {
            Console.WriteLine(ReportJson.Serialize(new PatternSection(findings, [], [])));
        }
        else
        {
            WriteText(table, rules, findings, versus);
        }

        return ExitCodes.Success;
    }

    private static List<string> RulesToExplain(SegmentTable table, string? rule)
    {
        var rejecting = table.RejectingRules();
        if (rule is null)
        {
            return [.. rejecting.Select(entry => entry.RuleId)];
        }

        if (!rejecting.Any(entry => entry.RuleId == rule))
        {
            var known = string.Join(", ", rejecting.Select(entry => entry.RuleId));
            throw new UsageException($"rule {rule} has no rejects in the store; rules with rejects: "
                + (known.Length == 0 ? "none" : known));
        }

        return [rule];
    }

    private static void WriteText(SegmentTable table, List<string> rules, List<SegmentFinding> findings,
        SegmentComparison versus)
    {
        var rejects = table.RejectingRules().ToDictionary(entry => entry.RuleId, entry => entry.Rejects);
        foreach (var rule in rules)
        {
            var ruleFindings = findings.Where(finding => finding.RuleId == rule).ToList();
            Console.WriteLine($"{SafeText.ForDisplay(rule)}: {ReportFormat.Count(rejects[rule], "reject")}");
            if (ruleFindings.Count == 0)
            {
                Console.WriteLine(versus == SegmentComparison.TruePositives
                    ? "  no segment reaches the minimum support and risk ratio among the rule's labelled false positives; "
                        + "label more of its rejects, or lower --min-support (default: 5 events or 1% of them)"
                    : "  no segment reaches the minimum support and risk ratio; lower --min-support or --min-ratio to see weaker ones");
            }

            for (var i = 0; i < ruleFindings.Count; i++)
            {
                Console.WriteLine($"  {i + 1}. {SafeText.ForDisplay(ruleFindings[i].Text, 400)}");
            }

            Console.WriteLine();
        }
    }
}
