namespace PolicyLoop.Analysis.Anomalies;

/// <summary>One way <see cref="NoveltyDetector"/> looks at the shape of a series.</summary>
/// <param name="Levels">Levels the input range, or else the range seen so far, is cut into
/// (2 to 50).</param>
/// <param name="Length">The longest run of levels remembered (1 to 9 points).</param>
/// <param name="Offset">A shift of the level boundaries, in levels, from 0 to 1.</param>
/// <param name="Smoothing">The EWMA weight applied to values before they are quantised; 1 uses
/// the raw values.</param>
public sealed record NoveltyResolution(int Levels, int Length, double Offset, double Smoothing);
