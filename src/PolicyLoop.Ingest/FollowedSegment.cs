namespace PolicyLoop.Ingest;

/// <summary>A piece of a <see cref="FollowedFile"/> to ingest, and the file offset just past it.</summary>
public sealed record FollowedSegment(InputSpec Input, long End);
