using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace PolicyLoop.Policies.Files;

/// <summary>Converts YAML nodes to JSON nodes: plain scalars that read as numbers or booleans keep that type.</summary>
internal static class YamlJson
{
    public static JsonObject ToObject(YamlMapping mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Entries)
        {
            result[key.Value] = ToNode(value);
        }

        return result;
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMapping mapping => ToObject(mapping),
        YamlSequence sequence => new JsonArray(sequence.Items.Select(ToNode).ToArray()),
        YamlScalar scalar => ToScalar(scalar),
        _ => null,
    };

    private static JsonNode? ToScalar(YamlScalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return null;
        }

        if (scalar.Value is "true" or "false")
        {
            return JsonValue.Create(scalar.Value == "true");
        }

        if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        return double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(scalar.Value);
    }
}
