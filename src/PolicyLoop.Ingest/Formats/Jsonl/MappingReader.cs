using PolicyLoop.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>Walks a mapping file's YAML tree, building the mapping and collecting every problem.</summary>
internal sealed partial class MappingReader(string fileName, bool requireFields)
{
    private const string DefaultSource = LogFormat.Jsonl;

    private static readonly string[] TopLevelKeys = ["source", "time_format", "mode", "fields", "decision"];

    private readonly List<Diagnostic> _problems = [];

    public IReadOnlyList<Diagnostic> Problems => _problems;

    public JsonMapping? Read(YamlMappingNode root)
    {
        var source = DefaultSource;
        var timeFormat = TimeFormat.Auto;
        var constantMode = EnforcementMode.Enforce;
        ValueTable<EnforcementMode>? mode = null;
        ValueTable<Decision>? decision = null;
        Dictionary<string, JsonFieldPath>? fields = null;

        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "source":
                    source = Scalar(value, "source") ?? source;
                    break;
                case "time_format":
                    timeFormat = ReadTimeFormat(value);
                    break;
                case "mode":
                    (constantMode, mode) = ReadMode(value);
                    break;
                case "fields":
                    fields = ReadFields(keyNode, value);
                    break;
                case "decision":
                    decision = ReadDecision(value);
                    break;
                default:
                    Problem(keyNode, "PL1101", $"unknown key \"{key}\"",
                        $"expected one of: {string.Join(", ", TopLevelKeys)}");
                    break;
            }
        }

        if (fields is null && requireFields)
        {
            Problem(root, "PL1103", "missing key \"fields\"", "add a fields section that maps at least time");
            return null;
        }

        fields ??= new Dictionary<string, JsonFieldPath>(StringComparer.Ordinal);

        return new JsonMapping(source, fields, decision, mode, constantMode, timeFormat);
    }

    private TimeFormat ReadTimeFormat(YamlNode node)
    {
        var text = Scalar(node, "time_format");
        switch (text)
        {
            case null or "auto":
                return TimeFormat.Auto;
            case "rfc3339":
                return TimeFormat.Rfc3339;
            case "unix_s":
                return TimeFormat.UnixSeconds;
            case "unix_ms":
                return TimeFormat.UnixMilliseconds;
            default:
                Problem(node, "PL1102", $"invalid time_format \"{text}\"", "expected auto, rfc3339, unix_s or unix_ms");
                return TimeFormat.Auto;
        }
    }

    private Dictionary<string, JsonFieldPath>? ReadFields(YamlNode key, YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, "PL1102", "fields must be a mapping of event field names to JSON paths");
            return null;
        }

        var fields = new Dictionary<string, JsonFieldPath>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!MappableFields.Kinds.ContainsKey(name))
            {
                var hint = name is "decision" or "mode"
                    ? $"configure {name} in its own top-level section, with path, values and default"
                    : $"expected one of: {string.Join(", ", MappableFields.Kinds.Keys.Order(StringComparer.Ordinal))}";
                Problem(keyNode, "PL1101", $"unknown event field \"{name}\"", hint);
                continue;
            }

            if (Path(value, $"fields.{name}") is { } path)
            {
                fields[name] = path;
            }
        }

        var timeKeyWritten = mapping.Children.Keys.OfType<YamlScalarNode>().Any(key => key.Value == "time");
        if (requireFields && !fields.ContainsKey("time") && !timeKeyWritten)
        {
            Problem(key, "PL1103", "missing field \"time\" in fields", "map time to the JSON path of the event time");
        }

        return fields;
    }

    private string? Scalar(YamlNode node, string name)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Problem(node, "PL1102", $"{name} must be a non-empty text value");
        return null;
    }

    private JsonFieldPath? Path(YamlNode node, string name)
    {
        if (Scalar(node, name) is not { } text)
        {
            return null;
        }

        var path = JsonFieldPath.TryParse(text, out var error, out var position);
        if (path is null)
        {
            Problem(node, "PL1102", $"invalid JSON path \"{text}\" in {name}: {error}", columnOffset: position);
        }

        return path;
    }

    private void Problem(YamlNode node, string code, string message, string? hint = null, int columnOffset = 0)
    {
        var location = new DiagnosticLocation(fileName, (int)node.Start.Line, (int)node.Start.Column + columnOffset);
        _problems.Add(new Diagnostic(code, message, location, hint));
    }
}
