using System.Collections.Frozen;
using System.Text.Json;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Moderation;

/// <summary>Finds and combines the result objects of a moderation response.</summary>
internal static class ModerationResults
{
    private static readonly FrozenSet<string> Mapped = FrozenSet.Create(
        StringComparer.Ordinal, "flagged", "categories", "category_scores");

    /// <summary>
    /// Returns the <c>results[]</c> objects that have <c>category_scores</c>, or the response itself
    /// when it is a bare result.
    /// </summary>
    public static List<JsonElement> Find(JsonElement response)
    {
        if (JsonValues.Get(response, "results") is { ValueKind: JsonValueKind.Array } array)
        {
            return [.. array.EnumerateArray().Where(HasScores)];
        }

        return HasScores(response) ? [response] : [];
    }

    public static ModerationVerdict Evaluate(List<JsonElement> results)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var flaggedCategories = new HashSet<string>(StringComparer.Ordinal);
        var flagged = false;
        foreach (var result in results)
        {
            flagged |= JsonValues.Get(result, "flagged")?.ValueKind == JsonValueKind.True;
            AddScores(result, scores);
            if (JsonValues.Get(result, "categories") is { ValueKind: JsonValueKind.Object } categories)
            {
                flaggedCategories.UnionWith(categories.EnumerateObject()
                    .Where(category => category.Value.ValueKind == JsonValueKind.True)
                    .Select(category => category.Name));
            }
        }

        var ordered = flaggedCategories
            .OrderByDescending(category => scores.GetValueOrDefault(category))
            .ThenBy(category => category, StringComparer.Ordinal)
            .ToList();
        return new ModerationVerdict(flagged, ordered, scores);
    }

    /// <summary>
    /// Keeps what the event has no column for: one result's other fields, or the number of results
    /// when there are several.
    /// </summary>
    public static void AddUnmapped(List<JsonElement> results, AttributesWriter attributes)
    {
        if (results.Count == 1)
        {
            attributes.AddUnmapped("result", results[0], Mapped);
        }
        else
        {
            attributes.Add("result_count", results.Count);
        }
    }

    private static void AddScores(JsonElement result, Dictionary<string, double> scores)
    {
        if (JsonValues.Get(result, "category_scores") is not { ValueKind: JsonValueKind.Object } categoryScores)
        {
            return;
        }

        foreach (var score in categoryScores.EnumerateObject())
        {
            if (score.Value.ValueKind == JsonValueKind.Number && score.Value.TryGetDouble(out var value))
            {
                scores[score.Name] = Math.Max(value, scores.GetValueOrDefault(score.Name, double.MinValue));
            }
        }
    }

    private static bool HasScores(JsonElement element) =>
        JsonValues.Get(element, "category_scores") is { ValueKind: JsonValueKind.Object };
}
