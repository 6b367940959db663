using PolicyLoop.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>The decision and mode sections of <see cref="MappingReader"/>.</summary>
internal sealed partial class MappingReader
{
    private static readonly string[] TableKeys = ["path", "values", "default"];

    private ValueTable<Decision>? ReadDecision(YamlNode node) =>
        ReadTable<Decision>(node, "decision", DecisionNames.TryParseDecision, Decision.Unknown,
            "allow, deny, throttle, challenge, error or unknown");

    private (EnforcementMode Constant, ValueTable<EnforcementMode>? Table) ReadMode(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            if (!DecisionNames.TryParseMode(scalar.Value, out var constant))
            {
                Problem(node, "PL1102", $"invalid mode \"{scalar.Value}\"",
                    "expected enforce, shadow, or a table with path, values and default");
            }

            return (constant, null);
        }

        var table = ReadTable<EnforcementMode>(node, "mode", DecisionNames.TryParseMode, EnforcementMode.Enforce,
            "enforce or shadow");
        return (EnforcementMode.Enforce, table);
    }

    private ValueTable<T>? ReadTable<T>(YamlNode node, string section, ValueTable<T>.TryParseName parseName,
        T missing, string expected)
        where T : struct, Enum
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, "PL1102", $"{section} must be a mapping with path, values and default");
            return null;
        }

        JsonFieldPath? path = null;
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        T? fallback = null;
        foreach (var (keyNode, value) in mapping.Children)
        {
            switch ((keyNode as YamlScalarNode)?.Value)
            {
                case "path":
                    path = Path(value, $"{section}.path");
                    break;
                case "values":
                    ReadValues(value, section, parseName, expected, values);
                    break;
                case "default":
                    fallback = EnumValue(value, $"{section}.default", parseName, expected);
                    break;
                default:
                    Problem(keyNode, "PL1101", $"unknown key \"{(keyNode as YamlScalarNode)?.Value}\" in {section}",
                        $"expected one of: {string.Join(", ", TableKeys)}");
                    break;
            }
        }

        if (!mapping.Children.ContainsKey(new YamlScalarNode("path")))
        {
            Problem(node, "PL1103", $"missing key \"path\" in {section}", "give the JSON path of the logged value");
        }

        return path is null ? null : new ValueTable<T>(path, values, fallback, missing);
    }

    private void ReadValues<T>(YamlNode node, string section, ValueTable<T>.TryParseName parseName, string expected,
        Dictionary<string, T> values)
        where T : struct, Enum
    {
        if (node is not YamlMappingNode mapping)
        {
            Problem(node, "PL1102", $"{section}.values must be a mapping of logged values to {section} names");
            return;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var logged = (keyNode as YamlScalarNode)?.Value ?? "";
            if (EnumValue(value, $"{section}.values.{logged}", parseName, expected) is { } parsed)
            {
                values[logged] = parsed;
            }
        }
    }

    private T? EnumValue<T>(YamlNode node, string name, ValueTable<T>.TryParseName parseName, string expected)
        where T : struct, Enum
    {
        var text = (node as YamlScalarNode)?.Value;
        if (text is not null && parseName(text, out var value))
        {
            return value;
        }

        Problem(node, "PL1102", $"invalid value \"{text}\" in {name}", $"expected {expected}");
        return null;
    }
}
