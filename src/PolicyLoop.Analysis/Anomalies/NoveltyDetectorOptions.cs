namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Settings of <see cref="NoveltyDetector"/>. The defaults are the one configuration scored on the
/// NAB corpus by <c>bench/run nab</c> (chosen over the whole corpus, the same for every series).
/// </summary>
public sealed record NoveltyDetectorOptions
{
    /// <summary>
    /// The quantisers whose novelty is averaged. Default: 10 levels with runs of up to 3, at
    /// offsets 0 and 0.5, on the raw values.
    /// </summary>
    public IReadOnlyList<NoveltyResolution> Resolutions { get; init; } =
    [
        new(10, 3, 0, 1),
        new(10, 3, 0.5, 1),
    ];

    /// <summary>The prediction-error score that orders scores of equal novelty.</summary>
    public SurpriseDetectorOptions Surprise { get; init; } = new();

    /// <summary>
    /// How much a surprising value raises its novelty: the score is
    /// <c>novelty * (1 + SurpriseWeight * s / (1 + s))</c> for a surprise <c>s</c>. Default 0.01.
    /// The default quantisers give novelty in steps of 1/6, so the surprise then only orders scores
    /// of equal novelty.
    /// </summary>
    public double SurpriseWeight { get; init; } = 0.01;

    /// <summary>
    /// Points after a score during which a score no higher is suppressed (reported as 0), so one
    /// event does not alert again and again. Default 100; 0 turns suppression off.
    /// </summary>
    public int Cooldown { get; init; } = 100;

    /// <summary>
    /// The smallest value the series is expected to take. With <see cref="InputMax"/>, it fixes the
    /// range the quantisers cut into levels, so a level means the same value from the first point
    /// on. By default both are null, and the quantisers use the range seen so far. Set both or
    /// neither.
    /// </summary>
    public double? InputMin { get; init; }

    /// <summary>The largest value the series is expected to take; see <see cref="InputMin"/>.</summary>
    public double? InputMax { get; init; }
}
