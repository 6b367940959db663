using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Replays a candidate policy over events in time order and compares it with a baseline policy,
/// or with the logged decisions when there is no baseline. Each policy keeps its own rate state,
/// so rate() and count() see exactly the traffic they would have seen. The result depends only on
/// the events, their order and the policies.
/// </summary>
public sealed class PolicyReplayer
{
    private const string CriticalTag = "critical";

    /// <summary>The fields that the segments and the samples of changed events show.</summary>
    private static readonly string[] ReportFields = ["client_ip", "method", "path", "user_agent", "status", "country"];

    /// <summary>The report's fields plus those the logged outcome reads when there is no baseline policy.</summary>
    private static readonly string[] LoggedOutcomeFields = [.. ReportFields, "rule_id", "matched_rules"];

    private readonly CompiledPolicy _candidate;
    private readonly CompiledPolicy? _baseline;
    private readonly ReplayComparer _comparer;
    private readonly FidelityTracker _fidelity;

    public PolicyReplayer(CompiledPolicy candidate, CompiledPolicy? baseline, ReplayComparerOptions options)
    {
        _candidate = candidate;
        _baseline = baseline;
        var policies = baseline is null ? new[] { candidate } : [candidate, baseline];
        _comparer = new ReplayComparer(options with { CriticalRules = CriticalRules(policies) });
        var rulesByField = RulesByField(policies);
        _fidelity = new FidelityTracker(rulesByField, LongestWindow(policies));
        FieldsRead = [.. rulesByField.Keys.Union(baseline is null ? LoggedOutcomeFields : ReportFields, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The event fields a run reads: those the rules of either policy name, and those the report
    /// shows. Events that set only these fields (plus the event id, time, source, decision and
    /// mode) give the same report as complete events.
    /// </summary>
    public IReadOnlyList<string> FieldsRead { get; }

    /// <summary>
    /// Replays the events, which must come in time order, and returns the report. It keeps no
    /// reference to an event after the next one arrives, so the source may reuse event objects.
    /// With <paramref name="review"/>, its review section estimates the effect on reviewed rejects.
    /// </summary>
    /// <remarks>
    /// When the events come from a <see cref="ReadAheadEvents"/> not yet enumerated, its reading thread also
    /// records the rate() windows of both policies and counts the fields each event sets, which depend on the events
    /// alone, so the replaying thread evaluates the rules and the count() windows only. The report is the same either
    /// way.
    /// </remarks>
    public ReplayReport Run(IEnumerable<DecisionEvent> events, string candidateName, string baselineName,
        DateTime generatedAt, IReadOnlyList<string>? notes = null, ReplayReviewTally? review = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        RateRecorder? candidateAhead = null;
        RateRecorder? baselineAhead = null;
        var readAhead = events as ReadAheadEvents;
        if (readAhead is not null)
        {
            candidateAhead = RateRecorder.For(_candidate, readAhead.Capacity);
            baselineAhead = _baseline is null ? null : RateRecorder.For(_baseline, readAhead.Capacity);
            readAhead.OnReader(chunk =>
            {
                candidateAhead?.Record(chunk);
                baselineAhead?.Record(chunk);
                foreach (var decisionEvent in chunk)
                {
                    _fidelity.Add(decisionEvent!);
                }
            });
        }

        var candidate = new PolicyEvaluator(_candidate, ahead: candidateAhead);
        var baseline = _baseline is null ? null : new PolicyEvaluator(_baseline, ahead: baselineAhead);

        // Evaluators share the result of events with the same matches, so their outcomes can be shared too.
        var candidateOutcomes = new RecentResults<EvaluationResult, EventOutcome>(PolicyOutcomes.From);
        var baselineOutcomes = new RecentResults<EvaluationResult, EventOutcome>(PolicyOutcomes.From);
        foreach (var decisionEvent in events)
        {
            var candidateResult = candidate.Evaluate(decisionEvent);
            var baselineResult = baseline?.Evaluate(decisionEvent);
            var candidateOutcome = candidateOutcomes.Get(candidateResult);
            var baselineOutcome = baselineResult is null ? EventOutcome.Logged(decisionEvent) : baselineOutcomes.Get(baselineResult);

            // Only changed events are shown with their clauses, so only they are explained.
            if (ReplayComparer.IsChange(baselineOutcome, candidateOutcome))
            {
                candidateOutcome = PolicyOutcomes.From(candidate.Explain(candidateResult));
                baselineOutcome = baselineResult is null ? baselineOutcome : PolicyOutcomes.From(baseline!.Explain(baselineResult));
            }

            _comparer.Add(decisionEvent, baselineOutcome, candidateOutcome);
            // With a read-ahead, the reading thread counted the event's fields already.
            if (readAhead is null)
            {
                _fidelity.Add(decisionEvent);
            }

            review?.Add(decisionEvent, baselineOutcome, candidateOutcome);
        }

        var report = _comparer.Build(candidateName, baselineName, generatedAt, _fidelity.Findings(), notes);
        return review is null ? report : report with { Review = review.Estimate() };
    }

    private static HashSet<string> CriticalRules(IEnumerable<CompiledPolicy> policies) =>
    [
        .. policies.SelectMany(policy => policy.Rules)
            .Where(rule => rule.Rule.Tags.Contains(CriticalTag, StringComparer.OrdinalIgnoreCase)
                || string.Equals(rule.Rule.Severity, CriticalTag, StringComparison.OrdinalIgnoreCase))
            .Select(rule => rule.Rule.Id),
    ];

    private static Dictionary<string, IReadOnlyList<string>> RulesByField(IEnumerable<CompiledPolicy> policies)
    {
        var rulesByField = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in policies.SelectMany(policy => policy.Rules))
        {
            foreach (var field in FieldReferences.In(rule.Rule.When))
            {
                if (!rulesByField.TryGetValue(field, out var rules))
                {
                    rules = [];
                    rulesByField[field] = rules;
                }

                if (!rules.Contains(rule.Rule.Id))
                {
                    rules.Add(rule.Rule.Id);
                }
            }
        }

        return rulesByField.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);
    }

    private static TimeSpan LongestWindow(IEnumerable<CompiledPolicy> policies) =>
        policies.SelectMany(policy => policy.StatefulSites).Select(site => site.Window).DefaultIfEmpty(TimeSpan.Zero).Max();
}
