using System.Text.Json;

namespace PolicyLoop.Ingest.Formats.Json;

/// <summary>Null-tolerant reads of JSON properties, shared by the JSON readers.</summary>
internal static class JsonValues
{
    /// <summary>Returns the named property of an object, or null when absent, JSON null or not an object.</summary>
    public static JsonElement? Get(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }

        return null;
    }

    /// <summary>Walks nested object properties; returns null when any step is missing.</summary>
    public static JsonElement? Get(JsonElement element, params ReadOnlySpan<string> names)
    {
        JsonElement? current = element;
        foreach (var name in names)
        {
            current = current is { } value ? Get(value, name) : null;
        }

        return current;
    }

    /// <summary>Returns a string property, or a number's JSON text; null for other kinds and empty strings.</summary>
    public static string? GetString(JsonElement element, params ReadOnlySpan<string> names) =>
        Get(element, names) is { } value ? AsString(value) : null;

    /// <summary>
    /// Returns a string value, or a number's or boolean's JSON text; null for other kinds and empty strings.
    /// </summary>
    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>
    /// Returns the strings of an array (non-string items as JSON text), or a lone string as one item.
    /// </summary>
    public static List<string> GetStrings(JsonElement? value)
    {
        var items = new List<string>();
        if (value is not { } element)
        {
            return items;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            if (AsString(element) is { } single)
            {
                items.Add(single);
            }

            return items;
        }

        foreach (var item in element.EnumerateArray())
        {
            if (AsString(item) is { } text)
            {
                items.Add(text);
            }
        }

        return items;
    }

    /// <summary>Returns an integer property that is a JSON number or a numeric string, or null.</summary>
    public static long? GetInt64(JsonElement element, params ReadOnlySpan<string> names)
    {
        if (Get(element, names) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}
