using PolicyLoop.Analysis.Review;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Ingest;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Review;

/// <summary>Opens the store and finds the rejects that review commands sample, show and count.</summary>
internal static class ReviewPopulation
{
    /// <summary>
    /// Opens an existing store; commands that only read it pass <paramref name="readOnly"/>, so that they work on a
    /// store file they may not write.
    /// </summary>
    public static DuckDbEventStore OpenStore(string path, bool readOnly = false)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"--store {path} is a folder; pass the store file, such as {Path.Combine(path, "events.duckdb")}");
        }

        return File.Exists(path)
            ? DuckDbEventStore.Open(path, readOnly: readOnly)
            : throw new UsageException($"store not found: {path}; run 'policyloop ingest LOG' first or pass --store");
    }

    /// <summary>Returns the rejects at or after <paramref name="since"/>, of one rule when <paramref name="rule"/> is set.</summary>
    public static List<AttributedReject> Rejects(DuckDbEventStore store, PolicyFile? policy, DateTime? since, string? rule) =>
        [.. RejectAttribution.Rejects(store.ReadEvents(new EventQuery()), policy?.Compiled, since)
            .Where(r => rule is null || r.RuleId == rule)];

    public static DateTime? ParseSince(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Timestamps.TryParse(text, out var utc)
            ? utc
            : throw new UsageException($"invalid --since \"{text}\": write an ISO 8601 time such as 2015-05-18T00:00:00Z");
    }
}
