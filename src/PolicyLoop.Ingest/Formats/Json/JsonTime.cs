using System.Text.Json;

namespace PolicyLoop.Ingest.Formats.Json;

/// <summary>Reads an event time from the first of several candidate properties that is present.</summary>
internal static class JsonTime
{
    /// <summary>
    /// Reads the time from the first present property in <paramref name="names"/>: a string in any
    /// form <see cref="Timestamps"/> parses, or a Unix epoch number. Returns false with a reason that
    /// names the property and its value when it is missing or cannot be parsed.
    /// </summary>
    public static bool TryRead(
        JsonElement element,
        out DateTime utc,
        out string error,
        params ReadOnlySpan<string> names)
    {
        utc = default;
        error = "";
        foreach (var name in names)
        {
            if (JsonValues.Get(element, name) is not { } value)
            {
                continue;
            }

            if (TryParse(value, out utc))
            {
                return true;
            }

            error = $"unparseable timestamp in field \"{name}\": {Shorten(value.GetRawText())}";
            return false;
        }

        var list = string.Join(" or ", names.ToArray().Select(name => $"\"{name}\""));
        error = $"missing timestamp: the record has no {list} field";
        return false;
    }

    public static bool TryParse(JsonElement value, out DateTime utc)
    {
        utc = default;
        return value.ValueKind switch
        {
            JsonValueKind.String => Timestamps.TryParse(value.GetString(), out utc),
            JsonValueKind.Number => value.TryGetDouble(out var epoch) && Timestamps.TryFromEpoch(epoch, out utc),
            _ => false,
        };
    }

    /// <summary>Cuts a value quoted in an error message to at most 200 characters.</summary>
    public static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
