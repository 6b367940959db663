using PolicyLoop.Core.Review;

namespace PolicyLoop.Analysis.Review;

/// <summary>
/// Draws review batches. Every choice keys off a hash of the event id and the seed, never a shared
/// random generator, so the same rejects, exclusions and request give the same batch, in the same
/// order. Events in <c>excluded</c> (already labelled or in a batch) are never drawn.
/// </summary>
public static class ReviewSampler
{
    public static IReadOnlyList<SampledEvent> Draw(IReadOnlyList<AttributedReject> rejects, IReadOnlySet<string> excluded,
        SampleRequest request)
    {
        var eligible = rejects.Where(r => !excluded.Contains(r.Event.EventId)).ToList();
        var drawn = request.Strategy switch
        {
            SampleStrategy.Stratified => Stratified(eligible, request),
            SampleStrategy.NearThreshold => NearThreshold(eligible, request),
            SampleStrategy.Unseen => Unseen(rejects, eligible, excluded, request),
            _ => Simple(eligible, request, "all"),
        };
        return [.. drawn.OrderBy(d => Key(d.Reject, request.Seed))
            .Select((d, i) => new SampledEvent(request.Batch, d.Reject.Event.EventId, i + 1, d.Reject.RuleId,
                d.Reject.PolicyId, d.Reject.PolicyVersion, d.Stratum, d.InclusionProbability))];
    }

    private static ulong Key(AttributedReject reject, ulong seed) => StableHash.Of(reject.Event.EventId, seed);

    private static List<Drawn> Simple(List<AttributedReject> pool, SampleRequest request, string stratum)
    {
        var take = Math.Min(request.Size, pool.Count);
        var probability = pool.Count == 0 ? 0 : (double)take / pool.Count;
        return [.. pool.OrderBy(r => Key(r, request.Seed)).Take(take).Select(r => new Drawn(r, stratum, probability))];
    }

    private static List<Drawn> Stratified(List<AttributedReject> eligible, SampleRequest request)
    {
        var strata = eligible.GroupBy(r => StratumOf(r, request.BySegment), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Rejects: g.OrderBy(r => Key(r, request.Seed)).ToList()))
            .ToList();
        var allocation = Allocate(strata.Select(s => s.Rejects.Count).ToList(), request.Size);
        var drawn = new List<Drawn>();
        for (var i = 0; i < strata.Count; i++)
        {
            var (name, rejects) = strata[i];
            var probability = (double)allocation[i] / rejects.Count;
            drawn.AddRange(rejects.Take(allocation[i]).Select(r => new Drawn(r, name, probability)));
        }

        return drawn;
    }

    private static string StratumOf(AttributedReject reject, bool bySegment) => bySegment
        ? $"rule:{reject.RuleId} network:{ClientPrefix.Of(reject.Event.ClientIp)}"
        : "rule:" + reject.RuleId;

    /// <summary>
    /// Splits the size equally across strata, one event at a time in stratum order, skipping
    /// strata that have no events left. So a stratum smaller than its share is reviewed whole.
    /// </summary>
    internal static int[] Allocate(IReadOnlyList<int> sizes, int total)
    {
        var allocation = new int[sizes.Count];
        var remaining = Math.Min(total, sizes.Sum());
        while (remaining > 0)
        {
            for (var i = 0; i < sizes.Count && remaining > 0; i++)
            {
                if (allocation[i] < sizes[i])
                {
                    allocation[i]++;
                    remaining--;
                }
            }
        }

        return allocation;
    }

    private static List<Drawn> NearThreshold(List<AttributedReject> eligible, SampleRequest request)
    {
        // Closeness to the limit, smallest first. For scored events it is the highest category
        // score, because a reject whose top score is low passed the threshold by little. For others
        // it is the rejects of the same rule for the same client, because a client rejected once
        // was barely over a rate limit.
        var perClient = eligible.GroupBy(r => (r.RuleId, r.Event.ClientIp))
            .ToDictionary(g => g.Key, g => g.Count());
        return [.. eligible
            .OrderBy(r => r.Event.Scores.Count > 0 ? r.Event.Scores.Values.Max() : perClient[(r.RuleId, r.Event.ClientIp)])
            .ThenBy(r => Key(r, request.Seed))
            .Take(request.Size)
            .Select(r => new Drawn(r, "near-threshold", null))];
    }

    private static List<Drawn> Unseen(IReadOnlyList<AttributedReject> rejects, List<AttributedReject> eligible,
        IReadOnlySet<string> excluded, SampleRequest request)
    {
        var seen = rejects.Where(r => excluded.Contains(r.Event.EventId))
            .Select(r => (r.RuleId, ClientPrefix.Of(r.Event.ClientIp)))
            .ToHashSet();
        var pool = eligible.Where(r => !seen.Contains((r.RuleId, ClientPrefix.Of(r.Event.ClientIp)))).ToList();
        return Simple(pool, request, "unseen");
    }

    private sealed record Drawn(AttributedReject Reject, string Stratum, double? InclusionProbability);
}
