namespace PolicyLoop.Core.Review;

/// <summary>An event's current label joined with the sample it was drawn in, when it was drawn in one.</summary>
public sealed record ReviewedEvent(LabelRecord Label, SampledEvent? Sample);
