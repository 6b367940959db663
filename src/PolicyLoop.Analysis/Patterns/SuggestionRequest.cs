using PolicyLoop.Analysis.Replay;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>
/// What <see cref="Suggester"/> needs: the table of outcomes under <paramref name="Policy"/>, the policy's file
/// text for patching, and the stored events in time order for replays (read again for every suggestion).
/// </summary>
public sealed record SuggestionRequest(
    SegmentTable Table,
    string RuleId,
    CompiledPolicy Policy,
    string PolicyText,
    Func<IEnumerable<DecisionEvent>> Events,
    IReviewLabels Labels,
    SegmentMinerOptions Miner,
    ReplayComparerOptions Replay,
    DateTime GeneratedAt)
{
    /// <summary>At most this many suggestions; default 3.</summary>
    public int MaxSuggestions { get; init; } = 3;

    /// <summary>How many times the limit a segment gets in a separate-limit suggestion; default 4.</summary>
    public int LimitFactor { get; init; } = 4;

    /// <summary>
    /// Makes a fresh tally of reviewed rejects for each replay, so that a suggestion shows the false positives it
    /// removes and the true positives it loses; null when the store has no labels.
    /// </summary>
    public Func<ReplayReviewTally>? ReviewTally { get; init; }
}
