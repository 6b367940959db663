using System.Globalization;

namespace PolicyLoop.Analysis.Anomalies;

/// <summary>Formats probabilities for alert reasons the way people write them: 0.034, 7.0e-6, below 1e-300.</summary>
public static class Probability
{
    public static string Format(double p) => p switch
    {
        <= 0 => "below 1e-300",
        >= 0.001 => p.ToString("0.###", CultureInfo.InvariantCulture),
        _ => p.ToString("0.0e0", CultureInfo.InvariantCulture),
    };
}
