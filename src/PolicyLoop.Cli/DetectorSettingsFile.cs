using System.Globalization;
using PolicyLoop.Analysis.Anomalies;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLoop.Cli;

/// <summary>
/// Reads a detector settings file (<c>--settings FILE</c>): defaults, then overrides per scope
/// pattern. Every problem is reported at once, each with its line and column.
/// </summary>
/// <example>
/// <code>
/// defaults:
///   min_volume: 200        # events a bucket needs before spike, drop and shift tests
///   z: 3.5                 # robust z-score of a spike or drop
///   cooldown: 2h           # no repeat alert of a detector on a scope within this time
/// scopes:
///   - match: "source=aws-waf policy=edge-acl rule=*"
///     min_volume: 50
///   - match: "source=* policy=* rule=rate-limit-*"
///     z: 5
///     cooldown: 30m
/// </code>
/// </example>
internal sealed class DetectorSettingsFile
{
    private static readonly string[] SettingKeys = ["min_volume", "z", "cooldown"];

    private readonly string _path;
    private readonly List<string> _problems = [];

    private DetectorSettingsFile(string path) => _path = path;

    /// <summary>Loads the file on top of <paramref name="defaults"/>; throws a usage error naming every problem.</summary>
    public static DetectorSettings Load(string path, RateDetectorOptions defaults)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read the settings file {path}: {ex.Message.TrimEnd('.')}; check the path");
        }

        return Parse(text, path, defaults);
    }

    /// <summary>Parses settings text; <paramref name="path"/> names it in the problems.</summary>
    public static DetectorSettings Parse(string yaml, string path, RateDetectorOptions defaults)
    {
        var file = new DetectorSettingsFile(path);
        var settings = file.Read(yaml, defaults);
        return file._problems.Count == 0 && settings is not null
            ? settings
            : throw new UsageException(string.Join('\n', file._problems));
    }

    private DetectorSettings? Read(string yaml, RateDetectorOptions defaults)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            Problem(ex.Start, $"invalid YAML: {ex.Message}");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem(Mark.Empty, "the settings file must be a YAML mapping with defaults and scopes; see docs/anomalies.md");
            return null;
        }

        var overrides = new List<ScopeOverride>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "defaults" when value is YamlMappingNode mapping:
                    defaults = ReadOverride(mapping, new ScopePattern("*"), allowMatch: false).ApplyTo(defaults);
                    break;
                case "scopes" when value is YamlSequenceNode list:
                    overrides.AddRange(list.Children.Select(ReadScope).OfType<ScopeOverride>());
                    break;
                case "defaults" or "scopes":
                    Problem(value.Start, $"'{key}' must be a {(key == "scopes" ? "list of scope entries" : "mapping of settings")}");
                    break;
                default:
                    Problem(keyNode.Start, $"unknown section '{key}'; use defaults or scopes");
                    break;
            }
        }

        return new DetectorSettings(defaults, overrides);
    }

    private ScopeOverride? ReadScope(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node.Start, "a scope entry must be a mapping with match and at least one setting");
            return null;
        }

        var match = mapping.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "match").Value;
        if (match is not YamlScalarNode { Value: { Length: > 0 } pattern })
        {
            Problem(node.Start, "a scope entry needs match: a scope pattern such as \"source=waf policy=* rule=*\"");
            return null;
        }

        return ReadOverride(mapping, new ScopePattern(pattern), allowMatch: true);
    }

    private ScopeOverride ReadOverride(YamlMappingNode mapping, ScopePattern pattern, bool allowMatch)
    {
        long? minVolume = null;
        double? z = null;
        TimeSpan? cooldown = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var text = (value as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "match" when allowMatch:
                    break;
                case "min_volume" when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var volume) && volume >= 1:
                    minVolume = volume;
                    break;
                case "z" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var spike) && spike > 0 && double.IsFinite(spike):
                    z = spike;
                    break;
                case "cooldown":
                    cooldown = ReadDuration(value, text);
                    break;
                case "min_volume" or "z":
                    Problem(value.Start, $"invalid {key} '{text}'; use {(key == "z" ? "a positive number such as 3.5" : "a whole number of at least 1")}");
                    break;
                default:
                    Problem(keyNode.Start, $"unknown setting '{key}'; use {string.Join(", ", SettingKeys)}");
                    break;
            }
        }

        return new ScopeOverride(pattern, minVolume, z, cooldown);
    }

    private TimeSpan? ReadDuration(YamlNode node, string text)
    {
        try
        {
            return DetectionOptions.ParseDuration(text, "cooldown");
        }
        catch (UsageException ex)
        {
            Problem(node.Start, ex.Message);
            return null;
        }
    }

    private void Problem(Mark at, string message) =>
        _problems.Add(string.Create(CultureInfo.InvariantCulture, $"{_path}:{at.Line}:{at.Column}: {message}"));
}
