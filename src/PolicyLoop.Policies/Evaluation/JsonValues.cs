using System.Text.Json;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>Converts JSON to CEL values: objects to maps, arrays to lists, numbers to double (as protobuf Struct does).</summary>
public static class JsonValues
{
    private static readonly CelMap Empty = new();

    /// <summary>Parses a JSON object text; an empty map for null text, and a CEL error for invalid JSON.</summary>
    public static ICelMap ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(json, EvaluationContext.JsonOptions);
            return ToValue(document.RootElement) as ICelMap ?? throw new CelException("attributes is not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new CelException($"attributes is not valid JSON: {ex.Message}");
        }
    }

    public static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToMap(element),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static CelMap ToMap(JsonElement element)
    {
        var map = new CelMap();
        foreach (var property in element.EnumerateObject())
        {
            map.TryAdd(property.Name, ToValue(property.Value));
        }

        return map;
    }
}
