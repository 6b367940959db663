using System.Text.Json;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// Maps the JSON value at a path to an enum value (a decision or a mode): first through the
/// <see cref="Values"/> table, keyed by the value's text (a string as is, a number or boolean as
/// its JSON text), then by the value's own name, then <see cref="Default"/>.
/// </summary>
/// <param name="Path">Where the value is read from.</param>
/// <param name="Values">Logged value text to enum value; matched exactly.</param>
/// <param name="Default">
/// The value when the path is missing or its value is not in the table; null rejects such records.
/// </param>
/// <param name="Missing">The value when the path is missing and there is no default.</param>
public sealed record ValueTable<T>(
    JsonFieldPath Path,
    IReadOnlyDictionary<string, T> Values,
    T? Default,
    T Missing)
    where T : struct, Enum
{
    /// <summary>
    /// Looks the value up. Returns false when it is present, not in the table, and there is no default.
    /// </summary>
    public bool TryMap(JsonElement root, TryParseName parseName, out T result, out string? text)
    {
        text = null;
        if (Path.Find(root) is not { } value)
        {
            result = Default ?? Missing;
            return true;
        }

        text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
        if (Values.TryGetValue(text, out result) || parseName(text, out result))
        {
            return true;
        }

        result = Default ?? Missing;
        return Default is not null;
    }

    /// <summary>Returns the quarantine reason for a value that <see cref="TryMap"/> rejected.</summary>
    public string DescribeMismatch(string section, string? text) =>
        $"field {section} (path {Path}): value \"{Json.JsonTime.Shorten(text ?? "")}\" is not in {section}.values, "
        + $"is not a {section} name, and the mapping has no {section}.default";

    /// <summary>Parses an enum value's own name, such as <c>deny</c> or <c>shadow</c>.</summary>
    public delegate bool TryParseName(string text, out T value);
}
