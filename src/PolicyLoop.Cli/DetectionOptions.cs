using System.CommandLine;
using System.Globalization;
using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Cli;

/// <summary>The options shared by <c>baseline</c>, <c>alerts</c> and <c>watch</c>: scope, bucket and volume.</summary>
internal sealed class DetectionOptions
{
    public Option<string> Scope { get; } = new("--scope")
    {
        Description = "The scope of a baseline: source, policy or rule (a rule's rejects over its policy's traffic). Default: rule.",
        DefaultValueFactory = _ => "rule",
    };

    public Option<string> Bucket { get; } = new("--bucket")
    {
        Description = "The bucket width: a number and a unit s, m, h or d, such as 30s, 5m or 1h. Default: 5m.",
        DefaultValueFactory = _ => "5m",
    };

    public Option<long> MinVolume { get; } = new("--min-volume")
    {
        Description = "Events a bucket needs before spike, drop and level-shift tests run. Default: 200.",
        DefaultValueFactory = _ => 200,
    };

    public Option<string> SegmentBy { get; } = new("--segment")
    {
        Description = "Split every scope by an event attribute: none, client24 (IPv4 /24), country, asn, tenant or host. Default: none.",
        DefaultValueFactory = _ => "none",
    };

    public Option<string?> Settings { get; } = new("--settings")
    {
        Description = "A YAML file of detector settings per scope pattern (min_volume, z, cooldown); see docs/anomalies.md.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Scope);
        command.Options.Add(Bucket);
        command.Options.Add(MinVolume);
        command.Options.Add(SegmentBy);
        command.Options.Add(Settings);
    }

    public ScopeLevel ParseScope(ParseResult parsed) => parsed.GetValue(Scope) switch
    {
        "source" => ScopeLevel.Source,
        "policy" => ScopeLevel.Policy,
        "rule" => ScopeLevel.Rule,
        var other => throw new UsageException($"invalid --scope '{other}'; use source, policy or rule"),
    };

    public Segment ParseSegment(ParseResult parsed)
    {
        var text = parsed.GetValue(SegmentBy) ?? "none";
        foreach (var segment in Enum.GetValues<Segment>())
        {
            if (ScopeKey.SegmentName(segment) == text)
            {
                return segment;
            }
        }

        throw new UsageException($"invalid --segment '{text}'; use none, client24, country, asn, tenant or host");
    }

    public TimeSpan ParseBucket(ParseResult parsed) => ParseDuration(parsed.GetValue(Bucket) ?? "", "--bucket");

    public RateDetectorOptions Detector(ParseResult parsed)
    {
        var minVolume = parsed.GetValue(MinVolume);
        return minVolume < 1
            ? throw new UsageException($"invalid --min-volume {minVolume}; use a whole number of at least 1")
            : new RateDetectorOptions { MinVolume = minVolume };
    }

    /// <summary>The settings of each scope: <c>--min-volume</c>, then the <c>--settings</c> file when given.</summary>
    public DetectorSettings DetectorSettings(ParseResult parsed)
    {
        var defaults = Detector(parsed);
        return parsed.GetValue(Settings) is { } path
            ? DetectorSettingsFile.Load(path, defaults)
            : Analysis.Anomalies.DetectorSettings.Uniform(defaults);
    }

    /// <summary>Parses a duration such as <c>90s</c>, <c>5m</c>, <c>2h</c> or <c>7d</c>.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        var unit = text.Length > 0 ? text[^1] : ' ';
        if (!long.TryParse(text.AsSpan(0, Math.Max(0, text.Length - 1)), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1)
        {
            throw new UsageException($"invalid {option} '{text}'; use a number and a unit s, m, h or d, such as 5m");
        }

        return unit switch
        {
            's' => TimeSpan.FromSeconds(count),
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            'd' => TimeSpan.FromDays(count),
            _ => throw new UsageException($"invalid {option} '{text}'; the unit must be s, m, h or d, such as 5m"),
        };
    }
}
