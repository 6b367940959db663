namespace PolicyLoop.Analysis.Review;

/// <summary>What a new review batch should contain.</summary>
public sealed record SampleRequest(string Batch, SampleStrategy Strategy, int Size, ulong Seed);
