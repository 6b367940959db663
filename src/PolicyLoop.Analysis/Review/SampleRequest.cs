namespace PolicyLoop.Analysis.Review;

/// <summary>
/// What a new review batch should contain. <paramref name="BySegment"/> makes the strata of the
/// stratified strategy rule and client network (/24 or /48) pairs instead of rules.
/// </summary>
public sealed record SampleRequest(string Batch, SampleStrategy Strategy, int Size, ulong Seed, bool BySegment = false);
