namespace PolicyLoop.Analysis.Patterns;

/// <summary>Limits of segment mining.</summary>
public sealed record SegmentMinerOptions
{
    /// <summary>Combinations of up to this many attributes (1 to 3); default 3.</summary>
    public int MaxOrder { get; init; } = 3;

    /// <summary>
    /// The fewest target events a segment needs; null for the default, 1% of the target events but at least
    /// <see cref="MinSupportFloor"/>.
    /// </summary>
    public long? MinSupport { get; init; }

    /// <summary>The smallest default minimum support; default 5 events.</summary>
    public long MinSupportFloor { get; init; } = 5;

    /// <summary>Segments with a lower risk ratio are not reported; default 1.5.</summary>
    public double MinRiskRatio { get; init; } = 1.5;

    /// <summary>How many segments to return, highest risk ratio first; default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>Threads for the counting passes; default the processor count.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    public long MinSupportFor(long targetTotal) =>
        MinSupport ?? Math.Max(MinSupportFloor, (long)Math.Ceiling(targetTotal * 0.01));
}
