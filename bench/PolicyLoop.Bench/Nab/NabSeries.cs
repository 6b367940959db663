namespace PolicyLoop.Bench.Nab;

/// <summary>
/// One NAB series with its labelled windows. The name is the path under <c>data/</c>, such as
/// <c>realTweets/Twitter_volume_AAPL.csv</c>.
/// </summary>
internal sealed record NabSeries(string Name, DateTime[] Times, double[] Values, NabWindow[] Windows)
{
    /// <summary>
    /// Rows at the start that are not scored: 15% of the rows, at most 750 (NAB's probationary
    /// period, 15% of a 5,000-row series).
    /// </summary>
    public int Probation => (int)Math.Min(Math.Floor(0.15 * Times.Length), 750);
}
