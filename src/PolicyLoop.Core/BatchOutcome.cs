namespace PolicyLoop.Core;

/// <summary>
/// What a store did with one batch: new events, events it already had, new quarantine entries. Conflicts counts
/// the duplicates whose id was taken by a record with different content (the first copy is kept), and
/// FirstConflictId names one of them so the user can look it up.
/// </summary>
public readonly record struct BatchOutcome(
    long Stored,
    long Duplicates,
    long Quarantined,
    long Conflicts = 0,
    string? FirstConflictId = null);
