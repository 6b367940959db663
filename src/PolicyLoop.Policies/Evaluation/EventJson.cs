using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLoop.Core;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Reads a decision event from the record's JSON shape (snake_case names). Partial events are allowed:
/// event_id and source default to <c>eval</c>, and unknown names are errors so typos do not pass silently.
/// </summary>
public static class EventJson
{
    /// <summary>Parses JSON text; throws <see cref="FormatException"/> naming the bad field.</summary>
    public static DecisionEvent Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the event is not valid JSON: {ex.Message}", ex);
        }

        return node is JsonObject obj ? FromObject(obj) : throw new FormatException("the event must be a JSON object");
    }

    public static DecisionEvent FromObject(JsonObject obj)
    {
        var result = new DecisionEvent { EventId = "eval", Source = "eval" };
        foreach (var (name, value) in obj)
        {
            if (value is null)
            {
                continue;
            }

            if (!EventJsonFields.TryApply(result, name, value))
            {
                var hint = Expressions.Compilation.Suggestions.Hint(name, EventJsonFields.Names);
                throw new FormatException($"unknown event field '{name}'{(hint is null ? "" : "; " + hint)}");
            }
        }

        return result;
    }

    internal static string Text(JsonNode value, string name) => value is JsonValue v && v.TryGetValue<string>(out var s)
        ? s
        : value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
            ? number.ToJsonString()
            : throw new FormatException($"event field '{name}' must be a string");

    internal static long Integer(JsonNode value, string name) =>
        value is JsonValue v && (v.TryGetValue<long>(out var l) || (v.TryGetValue<string>(out var s)
            && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l)))
            ? l
            : throw new FormatException($"event field '{name}' must be an integer");

    internal static DateTime Time(JsonNode value) =>
        DateTime.TryParse(Text(value, "time"), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"event field 'time' is not an ISO 8601 timestamp: {Text(value, "time")}");
}
