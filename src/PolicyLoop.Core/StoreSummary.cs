namespace PolicyLoop.Core;

/// <summary>Event counts of a store, by source, decision, rule and day.</summary>
public sealed record StoreSummary(
    long Events,
    long Quarantined,
    DateTime? FirstEvent,
    DateTime? LastEvent,
    IReadOnlyList<CountRow> BySource,
    IReadOnlyList<CountRow> ByDecision,
    IReadOnlyList<CountRow> ByRule,
    IReadOnlyList<CountRow> ByDay);
