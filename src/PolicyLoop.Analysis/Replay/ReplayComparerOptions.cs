namespace PolicyLoop.Analysis.Replay;

/// <summary>Settings of a replay comparison.</summary>
public sealed record ReplayComparerOptions
{
    /// <summary>Width of the timeline buckets. Default one hour.</summary>
    public TimeSpan BucketWidth { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Changed events sampled per direction. Default 10.</summary>
    public int SamplesPerDirection { get; init; } = 10;

    /// <summary>Seed of the sample choice; the same seed and store give the same samples.</summary>
    public ulong Seed { get; init; }

    /// <summary>Rules whose reject-to-allow changes are critical (rules tagged <c>critical</c>).</summary>
    public IReadOnlySet<string> CriticalRules { get; init; } = new HashSet<string>();

    /// <summary>Values listed per segment attribute. Default 8.</summary>
    public int SegmentValues { get; init; } = 8;
}
