using System.Text.Json;

namespace PolicyLoop.Ingest.Formats.Json;

/// <summary>Parses one record's text as a JSON object, returning a plain-words reason on failure.</summary>
internal static class JsonRecord
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>
    /// Parses <paramref name="text"/>. Returns false with a reason when it is not valid JSON or
    /// when its root is not an object. The caller disposes the document.
    /// </summary>
    public static bool TryParseObject(string text, out JsonDocument document, out string error)
    {
        document = null!;
        error = "";
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            error = Describe(ex);
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            error = $"expected a JSON object, found a JSON {kind}";
            document.Dispose();
            return false;
        }

        return true;
    }

    private static string Describe(JsonException ex)
    {
        // System.Text.Json appends " LineNumber: 0 | BytePositionInLine: 5." to its messages; the
        // position is reported separately, 1-based. It is where the JSON reader stopped, which can be
        // one byte past the start of a bad token, hence "near".
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut].TrimEnd(' ', '|', '.');
        }

        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (path > 0)
        {
            message = message[..path].TrimEnd(' ', '|', '.');
        }

        var line = (ex.LineNumber ?? 0) + 1;
        var column = (ex.BytePositionInLine ?? 0) + 1;
        return $"invalid JSON near line {line}, byte {column} of the record: {message}";
    }
}
