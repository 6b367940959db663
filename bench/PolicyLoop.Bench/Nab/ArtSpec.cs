using System.Globalization;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Bench.Nab;

/// <summary>
/// Parses <c>art:KEY=VALUE,...</c> for trying settings of <see cref="ArtDetector"/> with
/// <c>--only</c>. Keys, each for the <see cref="ArtDetectorOptions"/> property of that meaning:
/// <c>window</c>, <c>windows</c> (windows per probation), <c>activity</c> (activity weight),
/// <c>vigilance</c> (vigilance factor), <c>minvigilance</c>, <c>choice</c>, <c>decay</c>
/// (reference decay), <c>floor</c> (reference floor), <c>exponent</c> (distance exponent),
/// <c>cooldown</c> and <c>factor</c> (cooldown factor).
/// </summary>
internal static class ArtSpec
{
    public const string Prefix = "art:";

    public static Func<NabSeries, double[]> Parse(string text)
    {
        var options = new ArtDetectorOptions();
        foreach (var pair in text[Prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2)
            {
                throw new ArgumentException($"invalid ART setting '{pair}'. Write KEY=VALUE.");
            }

            options = With(options, parts[0], double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return s => OurDetectors.RunArt(s, options);
    }

    private static ArtDetectorOptions With(ArtDetectorOptions o, string key, double v) => key switch
    {
        "window" => o with { WindowLength = (int)v },
        "windows" => o with { WindowsPerProbation = (int)v },
        "activity" => o with { ActivityWeight = v },
        "vigilance" => o with { VigilanceFactor = v },
        "minvigilance" => o with { MinVigilance = v },
        "choice" => o with { Choice = v },
        "decay" => o with { ReferenceDecay = v },
        "floor" => o with { ReferenceFloor = v },
        "exponent" => o with { DistanceExponent = v },
        "cooldown" => o with { Cooldown = v },
        "factor" => o with { CooldownFactor = v },
        _ => throw new ArgumentException($"unknown ART setting '{key}'. See ArtSpec for the keys."),
    };
}
