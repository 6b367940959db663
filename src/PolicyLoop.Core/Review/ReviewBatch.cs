namespace PolicyLoop.Core.Review;

/// <summary>
/// A named set of sampled rejects for review, with the arguments that reproduce it. The policy is
/// the one whose decisions were sampled; null when the logged decisions were.
/// </summary>
public sealed record ReviewBatch(
    string Name,
    string Strategy,
    ulong Seed,
    string? PolicyId,
    string? PolicyVersion,
    string? PolicyFile,
    string Arguments,
    DateTime CreatedAt);
