namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Proposes policy edits for one rule from its segments, and replays each patched policy against the current
/// one before returning it. Without review labels a segment qualifies when it looks benign: a label from a
/// benign range file (<see cref="BenignLabelKeys"/>), a self-declared search crawler from one network, or, for
/// a rate or count rule, a heavy single client (offered a separate, higher limit with a warning). With labels,
/// segments over-represented among the rule's false positives qualify.
/// </summary>
public static partial class Suggester
{
    /// <summary>Label keys whose values mark traffic as benign, as enrichment range files set them.</summary>
    public static readonly IReadOnlySet<string> BenignLabelKeys =
        new HashSet<string>(StringComparer.Ordinal) { "crawler", "partner", "verified" };

    /// <summary>A network segment counts as one crawler when this share of its rejects carries the crawler's user agent.</summary>
    private const double DominantShare = 0.9;

    /// <summary>A client segment is heavy when it has this share of the rule's rejects.</summary>
    private const double HeavyShare = 0.2;

    public static IReadOnlyList<Suggestion> Suggest(SuggestionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rule = request.Policy.Policy.Rules.FirstOrDefault(candidate => candidate.Id == request.RuleId)
            ?? throw new ArgumentException($"rule {request.RuleId} is not in the policy", nameof(request));
        var stateful = request.Policy.StatefulSites.Count > 0 && LimitCall(rule.When);
        var miner = request.Miner with { Top = Math.Max(request.Miner.Top, 30) };

        // Segments of labelled false positives come first. The benign-looking segments stay as fallbacks, because
        // a store with labels may hold too few for this rule to reach the minimum support.
        var proposals = new List<Proposal>();
        if (request.Labels.Any)
        {
            proposals.AddRange(SegmentExplainer.Explain(request.Table, request.RuleId, SegmentComparison.TruePositives,
                    request.Labels, miner)
                .Select(finding => Propose(request, finding, labelled: true, stateful))
                .OfType<Proposal>());
        }

        proposals.AddRange(SegmentExplainer.Explain(request.Table, request.RuleId, SegmentComparison.Allowed,
                request.Labels, miner)
            .Select(finding => Propose(request, finding, labelled: false, stateful))
            .OfType<Proposal>());
        proposals = [.. proposals.OrderBy(proposal => proposal.Strength)];
        var suggestions = new List<Suggestion>();
        var subjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var proposal in proposals)
        {
            if (suggestions.Count == request.MaxSuggestions)
            {
                break;
            }

            if (!subjects.Add(proposal.Subject))
            {
                continue;
            }

            var checkedSuggestion = Check(request, rule, proposal, suggestions.Count + 1);
            if (checkedSuggestion is not null)
            {
                suggestions.Add(checkedSuggestion);
            }
        }

        return suggestions;
    }

    private static bool LimitCall(string when) =>
        when.Contains("rate(", StringComparison.Ordinal) || when.Contains("count(", StringComparison.Ordinal);
}
