using System.Text.Json;

namespace PolicyLoop.Ingest.Formats;

/// <summary>
/// Recognises a JSON log format from the property names in the start of a record that the
/// detection window cut off, such as a ModSecurity audit record with a long request body.
/// </summary>
internal static class PartialJsonKeys
{
    /// <summary>
    /// Returns the format the property names point to, <c>jsonl</c> for another JSON object, or
    /// null when the text is not the start of a JSON object.
    /// </summary>
    public static string? Detect(ReadOnlySpan<byte> start)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var topLevel = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(start, isFinalBlock: false, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    names.Add(name);
                    if (reader.CurrentDepth == 1)
                    {
                        topLevel.Add(name);
                    }
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return Classify(names, topLevel);
    }

    private static string Classify(HashSet<string> names, HashSet<string> topLevel)
    {
        if (topLevel.Contains("decision_id"))
        {
            return LogFormat.Opa;
        }

        if (topLevel.Contains("webaclId") || topLevel.Contains("terminatingRuleId"))
        {
            return LogFormat.AwsWaf;
        }

        if (topLevel.Contains("transaction") && (names.Contains("unique_id") || names.Contains("messages")))
        {
            return LogFormat.ModSecurity;
        }

        return names.Contains("category_scores") ? LogFormat.Moderation : LogFormat.Jsonl;
    }
}
