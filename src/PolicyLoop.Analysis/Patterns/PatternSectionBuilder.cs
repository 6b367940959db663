using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// Builds the patterns section of a forensic report: the top segments of the rules with the most rejects and,
/// when the policy text is at hand, their replayed suggestions. Each suggestion costs one replay of the store,
/// so only the first rules get them.
/// </summary>
public static class PatternSectionBuilder
{
    /// <summary>Rules shown, by rejects; default 5.</summary>
    public const int MaxRules = 5;

    /// <summary>Segments shown per rule; default 3.</summary>
    public const int SegmentsPerRule = 3;

    /// <summary>Rules that get suggestions, by rejects; default 3, with at most two suggestions each.</summary>
    public const int SuggestedRules = 3;

    /// <summary>
    /// Builds the section. <paramref name="suggestion"/> makes the suggestion request for a rule; null, or a
    /// null request, leaves suggestions out.
    /// </summary>
    public static PatternSection Build(SegmentTable table, IReviewLabels labels,
        Func<string, SuggestionRequest?>? suggestion)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rules = table.RejectingRules().Take(MaxRules).Select(rule => rule.RuleId).ToList();
        var options = new SegmentMinerOptions { Top = SegmentsPerRule };
        var segments = rules
            .SelectMany(rule => SegmentExplainer.Explain(table, rule, SegmentComparison.Allowed, labels, options))
            .ToList();
        var suggestions = new List<SuggestionSummary>();
        foreach (var rule in rules.Take(SuggestedRules))
        {
            if (suggestion?.Invoke(rule) is { } request)
            {
                suggestions.AddRange(Suggester.Suggest(request with { MaxSuggestions = 2 }).Select(s => s.Summary));
            }
        }

        var notes = new List<string>();
        if (suggestion is null)
        {
            notes.Add("Suggestions need a policy: run analyze with --policy to get them.");
        }

        return new PatternSection(segments, suggestions, notes);
    }
}
