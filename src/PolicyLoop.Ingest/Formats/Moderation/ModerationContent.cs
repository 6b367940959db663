using System.Text;
using System.Text.Json;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Moderation;

/// <summary>Reads the moderated text of a moderation log line and caps it.</summary>
internal static class ModerationContent
{
    private static readonly string[] Fields = ["input", "text", "prompt"];

    /// <summary>
    /// Returns the text from the first of <c>input</c>, <c>text</c> and <c>prompt</c> (a string, an
    /// array of strings, or an array of <c>{"type":"text","text":...}</c> parts, joined by newlines),
    /// cut to <see cref="ModerationParser.MaxContentBytes"/> UTF-8 bytes, and its full length in bytes.
    /// </summary>
    public static (string? Content, int Bytes) Read(JsonElement root)
    {
        foreach (var field in Fields)
        {
            if (JsonValues.Get(root, field) is { } value && TextOf(value) is { } text)
            {
                var bytes = Encoding.UTF8.GetByteCount(text);
                return (Cap(text, bytes), bytes);
            }
        }

        return (null, 0);
    }

    private static string? TextOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = value.EnumerateArray()
            .Select(part => part.ValueKind == JsonValueKind.String
                ? part.GetString()
                : JsonValues.GetString(part, "text"))
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private static string Cap(string text, int bytes)
    {
        if (bytes <= ModerationParser.MaxContentBytes)
        {
            return text;
        }

        // Cut on a character boundary: a surrogate pair is never split.
        var length = 0;
        var used = 0;
        while (length < text.Length)
        {
            var width = char.IsHighSurrogate(text[length]) && length + 1 < text.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(length, width));
            if (used + size > ModerationParser.MaxContentBytes)
            {
                break;
            }

            used += size;
            length += width;
        }

        return text[..length];
    }
}
