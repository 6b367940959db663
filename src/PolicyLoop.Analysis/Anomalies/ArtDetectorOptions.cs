namespace PolicyLoop.Analysis.Anomalies;

/// <summary>
/// Settings of <see cref="ArtDetector"/>. The defaults are the one configuration scored on the NAB
/// corpus by <c>bench/run nab</c> (chosen over the whole corpus, the same for every series).
/// </summary>
public sealed record ArtDetectorOptions
{
    /// <summary>Blocks in one feature window. Default 8.</summary>
    public int WindowLength { get; init; } = 8;

    /// <summary>
    /// Feature windows that fit in the probationary period. It sets the block length, the
    /// probationary length divided by <c>WindowLength * WindowsPerProbation</c> (at least 1 row),
    /// so a long series is downsampled more than a short one. Default 15.
    /// </summary>
    public int WindowsPerProbation { get; init; } = 15;

    /// <summary>
    /// EWMA weight, per block, of the block activity: the range of a block plus the change of its
    /// mean from the block before, in units of the input range. Default 0.02 (about 50 blocks).
    /// </summary>
    public double ActivityWeight { get; init; } = 0.02;

    /// <summary>
    /// The vigilance is <c>1 - VigilanceFactor * activity</c>, so a busy series gets wide
    /// categories and a quiet one narrow categories. Default 4.
    /// </summary>
    /// <remarks>
    /// NOTE: the NAB score is sensitive to this factor. With the other defaults,
    /// <c>bench/run nab</c> gives a standard score of 75.8 at 4 but 72.1 at 3.5 and 70.6 at 4.5.
    /// </remarks>
    public double VigilanceFactor { get; init; } = 4;

    /// <summary>The lowest vigilance, whatever the activity. Default 0.5.</summary>
    public double MinVigilance { get; init; } = 0.5;

    /// <summary>The choice parameter (alpha) of fuzzy ART. Default 0.01.</summary>
    public double Choice { get; init; } = 0.01;

    /// <summary>
    /// Decay, per block length, of the reference distance: the largest recent distance outside the
    /// categories, which a new distance is compared with. Default 0.99 (about 100 blocks).
    /// </summary>
    public double ReferenceDecay { get; init; } = 0.99;

    /// <summary>The smallest reference distance, as a multiple of the activity. Default 0.003.</summary>
    public double ReferenceFloor { get; init; } = 0.003;

    /// <summary>
    /// Exponent of the distance in the score. The distance is in units of the input range, so it
    /// carries how large a change is next to the rest of the series. Default 0.5.
    /// </summary>
    public double DistanceExponent { get; init; } = 0.5;

    /// <summary>
    /// The cooldown in feature windows. A score is reported only when it exceeds every score of the
    /// cooldown before it by <see cref="CooldownFactor"/>, and as 0 otherwise. Default 4. At 0 every
    /// score is reported.
    /// </summary>
    public double Cooldown { get; init; } = 4;

    /// <summary>The factor by which a score must exceed the scores of the cooldown. Default 1.6.</summary>
    public double CooldownFactor { get; init; } = 1.6;
}
