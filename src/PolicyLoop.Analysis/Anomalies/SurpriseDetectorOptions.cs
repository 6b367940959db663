namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Settings of <see cref="SurpriseDetector"/>. Lengths count observations, not time, so the same
/// settings fit any bucket width.
/// </summary>
public sealed record SurpriseDetectorOptions
{
    /// <summary>EWMA weight of the level a value is compared with. Default 0.2 (about 5 points).</summary>
    public double LevelWeight { get; init; } = 0.2;

    /// <summary>EWMA weight of the typical absolute error. Default 0.01 (about 100 points).</summary>
    public double SpreadWeight { get; init; } = 0.01;

    /// <summary>Errors beyond this many typical errors are clipped before they update the spread. Default 4.</summary>
    public double SpreadClip { get; init; } = 4;

    /// <summary>Points in the long window of surprises a new surprise is compared with. Default 2,000.</summary>
    public int LongWindow { get; init; } = 2000;

    /// <summary>Points observed before any score other than 0. Default 100.</summary>
    public int Warmup { get; init; } = 100;

    /// <summary>Points in the window whose range a value's excursion is measured against. Default 2,000.</summary>
    public int RangeWindow { get; init; } = 2000;

    /// <summary>Weight of the excursion beyond that range beside the prediction error. Default 1.</summary>
    public double RangeWeight { get; init; } = 1;

    /// <summary>Largest error counted, in typical errors, so one wild value cannot swamp the long window. Default 10.</summary>
    public double ErrorCap { get; init; } = 10;
}
