namespace PolicyLoop.Reports.Model;

/// <summary>
/// What a policy does to stored traffic: totals, rejects over time, rejects per rule with
/// examples, and the clients, user agents and paths that rejects have in common.
/// </summary>
public sealed partial record ForensicReport
{
    public required string Title { get; init; }

    public required DateTime GeneratedAt { get; init; }

    public string? PolicyId { get; init; }

    public string? PolicyVersion { get; init; }

    public required ReportTotals Totals { get; init; }

    /// <summary>Events and rejects per time bucket, oldest first.</summary>
    public IReadOnlyList<TimeBucket> Timeline { get; init; } = [];

    /// <summary>Rules that matched at least once, by rejects then matches.</summary>
    public IReadOnlyList<RuleSummary> Rules { get; init; } = [];

    public IReadOnlyList<RankedValue> TopClients { get; init; } = [];

    public IReadOnlyList<RankedValue> TopUserAgents { get; init; } = [];

    public IReadOnlyList<RankedValue> TopPaths { get; init; } = [];

    /// <summary>Plain sentences about the data or the run that a reader should know.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
