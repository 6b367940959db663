namespace PolicyLoop.Core.Review;

/// <summary>
/// A label given to one event. Labels are never overwritten: a new record for the same event
/// replaces the old one as the current label, and the old ones stay as its history.
/// </summary>
public sealed record LabelRecord(
    string EventId,
    string? Batch,
    ReviewLabel Label,
    string Reviewer,
    string? Note,
    string RuleId,
    string? PolicyId,
    string? PolicyVersion,
    DateTime LabelledAt);
