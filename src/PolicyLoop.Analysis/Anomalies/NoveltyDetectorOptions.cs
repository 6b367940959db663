namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Settings of <see cref="NoveltyDetector"/>. The defaults are the one configuration scored on the
/// NAB corpus by <c>bench/run nab</c> (chosen over the whole corpus, the same for every series).
/// </summary>
public sealed record NoveltyDetectorOptions
{
    /// <summary>
    /// The quantisers whose novelty is averaged. Default: 10 levels with runs of 3 and 5 levels with
    /// runs of 6, each at offsets 0 and 0.5, plus 10 levels with runs of 3 on values smoothed with
    /// weight 0.1.
    /// </summary>
    public IReadOnlyList<NoveltyResolution> Resolutions { get; init; } =
    [
        new(10, 3, 0, 1),
        new(5, 6, 0, 1),
        new(10, 3, 0.5, 1),
        new(5, 6, 0.5, 1),
        new(10, 3, 0, 0.1),
    ];

    /// <summary>The prediction-error score that scales the novelty.</summary>
    public SurpriseDetectorOptions Surprise { get; init; } = new();

    /// <summary>
    /// The factor novelty keeps when the value is not surprising at all; a very surprising value
    /// raises it towards <c>SurpriseBase + 1</c>. Default 0.5.
    /// </summary>
    public double SurpriseBase { get; init; } = 0.5;

    /// <summary>
    /// Points after a score during which a score no higher is suppressed (reported as 0), so one
    /// event does not alert again and again. Default 100; 0 turns suppression off.
    /// </summary>
    public int Cooldown { get; init; } = 100;
}
