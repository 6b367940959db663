namespace PolicyLoop.Core;

/// <summary>What a store did with one batch: new events, events it already had, new quarantine entries.</summary>
public readonly record struct BatchOutcome(long Stored, long Duplicates, long Quarantined);
