using System.Globalization;
using PolicyLoop.Analysis.Anomalies;

namespace PolicyLoop.Bench.Nab;

/// <summary>
/// Parses <c>novelty:KEY=VALUE,...</c> for trying settings of <see cref="NoveltyDetector"/> with
/// <c>--only</c>. Keys: <c>surprise</c>, <c>cooldown</c>, <c>level</c>, <c>spread</c>, <c>long</c>,
/// <c>warmup</c>, <c>range</c>, <c>rangew</c>, <c>cap</c>, <c>res</c> as
/// <c>LEVELSxLENGTHxOFFSETxSMOOTHING</c> items joined by <c>+</c>, and <c>input</c>: <c>file</c>
/// (the default) quantises against the series file's minimum and maximum, <c>seen</c> against the
/// range seen so far.
/// </summary>
internal static class NoveltySpec
{
    public const string Prefix = "novelty:";

    public static Func<NabSeries, double[]> Parse(string text)
    {
        var options = new NoveltyDetectorOptions();
        var fileRange = true;
        foreach (var pair in text[Prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (pair.Split('=')[0], pair.Split('=')[1]);
            if (key == "input")
            {
                fileRange = value switch
                {
                    "file" => true,
                    "seen" => false,
                    _ => throw new ArgumentException($"invalid input setting '{value}'. Use input=file or input=seen."),
                };
                continue;
            }

            options = key == "res" ? options with { Resolutions = value.Split('+').Select(Resolution).ToArray() } : With(options, key, Number(value));
        }

        return s => OurDetectors.RunNovelty(s, options, fileRange);
    }

    private static NoveltyDetectorOptions With(NoveltyDetectorOptions o, string key, double v) => key switch
    {
        "surprise" => o with { SurpriseWeight = v },
        "cooldown" => o with { Cooldown = (int)v },
        "level" => o with { Surprise = o.Surprise with { LevelWeight = v } },
        "spread" => o with { Surprise = o.Surprise with { SpreadWeight = v } },
        "long" => o with { Surprise = o.Surprise with { LongWindow = (int)v } },
        "warmup" => o with { Surprise = o.Surprise with { Warmup = (int)v } },
        "range" => o with { Surprise = o.Surprise with { RangeWindow = (int)v } },
        "rangew" => o with { Surprise = o.Surprise with { RangeWeight = v } },
        "cap" => o with { Surprise = o.Surprise with { ErrorCap = v } },
        _ => throw new ArgumentException($"unknown novelty setting '{key}'; see NoveltySpec for the keys"),
    };

    private static NoveltyResolution Resolution(string text)
    {
        var parts = text.Split('x').Select(Number).ToArray();
        return new NoveltyResolution((int)parts[0], (int)parts[1], parts[2], parts[3]);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
