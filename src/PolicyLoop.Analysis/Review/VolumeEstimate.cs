namespace PolicyLoop.Analysis.Review;

/// <summary>An estimated count with its variance and 95% interval, clipped to [0, population].</summary>
public sealed record VolumeEstimate(double Value, double Variance, double Low, double High, int Observations)
{
    public static VolumeEstimate None { get; } = new(0, 0, 0, 0, 0);
}
