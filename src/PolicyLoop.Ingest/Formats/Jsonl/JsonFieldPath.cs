using System.Globalization;
using System.Text.Json;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// A path to a value inside a JSON record: property names separated by dots, each optionally
/// followed by array indices in brackets, such as <c>request.headers[0].value</c>.
/// </summary>
public sealed class JsonFieldPath
{
    private readonly IReadOnlyList<Segment> _segments;

    private JsonFieldPath(string text, IReadOnlyList<Segment> segments)
    {
        Text = text;
        _segments = segments;
    }

    /// <summary>The path as written in the mapping file.</summary>
    public string Text { get; }

    /// <summary>The first property name, which is the record's top-level field the path reads from.</summary>
    public string Root => _segments[0].Name!;

    /// <summary>True when the path is a single top-level property name.</summary>
    public bool IsTopLevel => _segments.Count == 1;

    /// <summary>
    /// Parses a path; returns null with the reason and the 0-based character position of the
    /// problem when the text is not a valid path.
    /// </summary>
    public static JsonFieldPath? TryParse(string text, out string error, out int position)
    {
        error = "";
        position = 0;
        var segments = new List<Segment>();
        foreach (var (part, start) in SplitDots(text))
        {
            if (!TryParsePart(part, start, segments, out error, out position))
            {
                return null;
            }
        }

        return new JsonFieldPath(text, segments);
    }

    /// <summary>Returns the value at the path, or null when a step is missing or the value is JSON null.</summary>
    public JsonElement? Find(JsonElement root)
    {
        var current = root;
        foreach (var segment in _segments)
        {
            if (!Step(current, segment, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    public override string ToString() => Text;

    private static bool Step(JsonElement current, Segment segment, out JsonElement next)
    {
        next = default;
        if (segment.Name is { } name)
        {
            return current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out next);
        }

        if (current.ValueKind != JsonValueKind.Array || segment.Index >= current.GetArrayLength())
        {
            return false;
        }

        next = current[segment.Index];
        return true;
    }

    private static IEnumerable<(string Part, int Start)> SplitDots(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '.')
            {
                yield return (text[start..i], start);
                start = i + 1;
            }
        }
    }

    private static bool TryParsePart(string part, int start, List<Segment> segments, out string error, out int position)
    {
        error = "";
        position = start;
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? part : part[..bracket];
        if (name.Length == 0 || name.Contains(']', StringComparison.Ordinal))
        {
            error = "expected a property name (empty names, leading dots and doubled dots are not allowed)";
            return false;
        }

        segments.Add(new Segment(name, 0));
        return bracket < 0 || TryParseIndices(part[bracket..], start + bracket, segments, out error, out position);
    }

    private static bool TryParseIndices(string indices, int start, List<Segment> segments, out string error,
        out int position)
    {
        error = "";
        position = start;
        var i = 0;
        while (i < indices.Length)
        {
            var close = indices.IndexOf(']', i);
            if (indices[i] != '[' || close < 0
                || !int.TryParse(indices.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture,
                    out var index))
            {
                error = "expected an array index such as [0] after the property name";
                position = start + i;
                return false;
            }

            segments.Add(new Segment(null, index));
            i = close + 1;
        }

        return true;
    }

    private readonly record struct Segment(string? Name, int Index);
}
