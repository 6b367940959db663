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
        foreach (var (ruleId, text) in RejectTexts(store, policy?.Compiled))
        {
            miner.Add(ruleId, text);
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

    /// <summary>
    /// The free text (reason, content or raw line) of every reject with the rule that made it: the logged rule, or
    /// with <paramref name="policy"/> the rule that decides, evaluated over the events in time order.
    /// </summary>
    public static IEnumerable<(string RuleId, string Text)> RejectTexts(DuckDbEventStore store, CompiledPolicy? policy)
    {
        if (policy is null)
        {
            foreach (var pair in store.ReadRejectTexts(null))
            {
                yield return pair;
            }

            yield break;
        }

        var evaluator = new PolicyEvaluator(policy);
        foreach (var decisionEvent in store.ReadEvents(new EventQuery()))
        {
            var outcome = PolicyOutcomes.From(evaluator.Evaluate(decisionEvent, explain: false));
            if (outcome.IsReject && (decisionEvent.Reason ?? decisionEvent.Content ?? decisionEvent.Raw) is { } text)
            {
                yield return (outcome.DecidingRuleId ?? EventOutcome.PolicyDefault, text);
            }
        }
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
