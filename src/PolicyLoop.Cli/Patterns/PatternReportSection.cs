using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Analysis.Templates;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Reports.Model.Patterns;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Patterns;

/// <summary>Builds the report's patterns section from the table filled while the report was built.</summary>
internal static class PatternReportSection
{
    /// <summary>Rules listed in the templates part, and templates listed per rule.</summary>
    private const int TemplateRules = 8;

    private const int TemplatesPerRule = 3;

    public static PatternSection Build(DuckDbEventStore store, SegmentTable table, PolicyFile? policy) =>
        BuildSegments(store, table, policy) with { Templates = BuildTemplates(store, policy) };

    /// <summary>
    /// Mines the free text of each rule's rejects: the logged rule's, or with a policy the deciding rule's, which
    /// needs one more pass over the events in time order so that rate limits see the same traffic.
    /// </summary>
    private static List<RuleTemplates> BuildTemplates(DuckDbEventStore store, PolicyFile? policy)
    {
        var miner = new RuleTemplateMiner();
        if (policy is null)
        {
            foreach (var (ruleId, text) in store.ReadRejectTexts(null))
            {
                miner.Add(ruleId, text);
            }
        }
        else
        {
            var evaluator = new PolicyEvaluator(policy.Compiled!);
            foreach (var decisionEvent in store.ReadEvents(new EventQuery()))
            {
                var outcome = PolicyOutcomes.From(evaluator.Evaluate(decisionEvent, explain: false));
                if (outcome.IsReject && (decisionEvent.Reason ?? decisionEvent.Content ?? decisionEvent.Raw) is { } text)
                {
                    miner.Add(outcome.DecidingRuleId ?? EventOutcome.NoRuleLogged, text);
                }
            }
        }

        return [.. miner.Templates()
            .GroupBy(template => template.RuleId, StringComparer.Ordinal)
            .Select(rule =>
            {
                var rejects = rule.Sum(template => template.Events);
                var top = rule.Take(TemplatesPerRule)
                    .Select(t => new TemplateRow(t.TemplateId, t.Template, t.Events, (double)t.Events / rejects))
                    .ToList();
                return new RuleTemplates(rule.Key, rejects, rule.Count(), top);
            })
            .OrderByDescending(rule => rule.Rejects)
            .ThenBy(rule => rule.RuleId, StringComparer.Ordinal)
            .Take(TemplateRules)];
    }

    private static PatternSection BuildSegments(DuckDbEventStore store, SegmentTable table, PolicyFile? policy)
    {
        var labels = PatternInputs.Labels(store);
        if (policy is null)
        {
            return PatternSectionBuilder.Build(table, labels, null);
        }

        var text = File.ReadAllText(policy.Path);
        var replay = new ReplayComparerOptions { BucketWidth = BucketWidth.For(store.Summarize()) };
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var rules = policy.Compiled!.Policy.Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        return PatternSectionBuilder.Build(table, labels, rule => rules.Contains(rule)
            ? new SuggestionRequest(table, rule, policy.Compiled, text, () => store.ReadEvents(new EventQuery()),
                labels, new SegmentMinerOptions(), replay, now)
            { ReviewTally = PatternInputs.ReviewTally(store) }
            : null);
    }
}
