using System.Text.Json;

namespace PolicyLoop.Ingest.Formats;

/// <summary>
/// Recognises a log format from an input's first records: JSON lines by their characteristic
/// keys, a JSON array as an OPA upload body, anything else that parses as an access log line as
/// Apache. Returns null with a reason when nothing fits.
/// </summary>
public static class FormatDetector
{
    private const int MaxLinesExamined = 20;

    public static string? Detect(ReadOnlySpan<byte> prefix, out string reason)
    {
        reason = "";
        var trimmed = prefix.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            reason = "the input is empty";
            return null;
        }

        if (trimmed[0] == (byte)'[')
        {
            return LogFormat.Opa;
        }

        var examined = 0;
        foreach (var line in Lines(trimmed))
        {
            if (examined++ >= MaxLinesExamined)
            {
                break;
            }

            var format = line[0] == (byte)'{' ? DetectJson(line) : DetectText(line);
            if (format is not null)
            {
                return format;
            }
        }

        reason = $"none of the first {Math.Min(examined, MaxLinesExamined)} records looks like a known format";
        return null;
    }

    private static string? DetectJson(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = true });
            using var document = JsonDocument.ParseValue(ref reader);
            return DetectJsonObject(document.RootElement);
        }
        catch (JsonException)
        {
            // A line cut off by the prefix window can still name its format by its first keys.
            // A bad record names none, so the next line is tried.
            return PartialJsonKeys.Detect(line);
        }
    }

    private static string DetectJsonObject(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return LogFormat.Jsonl;
        }

        if (Has(root, "decision_id") || (root.TryGetProperty("type", out var type)
            && type.ValueKind == JsonValueKind.String && type.GetString() == "openpolicyagent.org/decision_logs"))
        {
            return LogFormat.Opa;
        }

        if (Has(root, "webaclId") || Has(root, "terminatingRuleId"))
        {
            return LogFormat.AwsWaf;
        }

        if (root.TryGetProperty("transaction", out var transaction) && transaction.ValueKind == JsonValueKind.Object
            && (Has(transaction, "unique_id") || Has(transaction, "messages")))
        {
            return LogFormat.ModSecurity;
        }

        if (HasModerationResults(root)
            || (root.TryGetProperty("response", out var response) && HasModerationResults(response)))
        {
            return LogFormat.Moderation;
        }

        return LogFormat.Jsonl;
    }

    private static bool HasModerationResults(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("results", out var results)
        && results.ValueKind == JsonValueKind.Array
        && results.GetArrayLength() > 0
        && results[0].ValueKind == JsonValueKind.Object
        && Has(results[0], "category_scores");

    private static bool Has(JsonElement element, string name) => element.TryGetProperty(name, out _);

    private static string? DetectText(ReadOnlySpan<byte> line)
    {
        var text = System.Text.Encoding.UTF8.GetString(line);
        var record = new RawRecord(ReadOnlyMemory<byte>.Empty, default, line.Length);
        var outcome = new Apache.ApacheLogParser().Parse(record, text, InputIdentity.FromPrefix("", line));
        return outcome.Event is null ? null : LogFormat.Apache;
    }

    private static List<byte[]> Lines(ReadOnlySpan<byte> text)
    {
        var lines = new List<byte[]>();
        while (!text.IsEmpty && lines.Count < MaxLinesExamined)
        {
            var end = text.IndexOf((byte)'\n');
            var line = (end < 0 ? text : text[..end]).TrimEnd((byte)'\r');
            if (!line.IsEmpty)
            {
                lines.Add(line.ToArray());
            }

            if (end < 0)
            {
                break;
            }

            text = text[(end + 1)..];
        }

        return lines;
    }
}
