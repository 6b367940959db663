using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyLoop.Core;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>Sets one field of a <see cref="DecisionEvent"/> from its JSON value, by snake_case name.</summary>
internal static class EventJsonFields
{
    private static readonly Dictionary<string, Action<DecisionEvent, JsonNode, string>> Setters = new(StringComparer.Ordinal)
    {
        ["event_id"] = (e, v, n) => e.EventId = EventJson.Text(v, n),
        ["time"] = (e, v, _) => e.Time = EventJson.Time(v),
        ["source"] = (e, v, n) => e.Source = EventJson.Text(v, n),
        ["decision"] = (e, v, n) => e.Decision = DecisionNames.TryParseDecision(EventJson.Text(v, n), out var d) ? d
            : throw new FormatException("event field 'decision' must be allow, deny, throttle, challenge, error or unknown"),
        ["mode"] = (e, v, n) => e.Mode = DecisionNames.TryParseMode(EventJson.Text(v, n), out var m) ? m
            : throw new FormatException("event field 'mode' must be enforce or shadow"),
        ["policy_id"] = (e, v, n) => e.PolicyId = EventJson.Text(v, n),
        ["policy_version"] = (e, v, n) => e.PolicyVersion = EventJson.Text(v, n),
        ["rule_id"] = (e, v, n) => e.RuleId = EventJson.Text(v, n),
        ["matched_rules"] = (e, v, n) => e.MatchedRules = Strings(v, n),
        ["reason"] = (e, v, n) => e.Reason = EventJson.Text(v, n),
        ["client_ip"] = (e, v, n) => e.ClientIp = EventJson.Text(v, n),
        ["user_id"] = (e, v, n) => e.UserId = EventJson.Text(v, n),
        ["roles"] = (e, v, n) => e.Roles = Strings(v, n),
        ["session_id"] = (e, v, n) => e.SessionId = EventJson.Text(v, n),
        ["tenant"] = (e, v, n) => e.Tenant = EventJson.Text(v, n),
        ["method"] = (e, v, n) => e.Method = EventJson.Text(v, n),
        ["host"] = (e, v, n) => e.Host = EventJson.Text(v, n),
        ["path"] = (e, v, n) => e.Path = EventJson.Text(v, n),
        ["query"] = (e, v, n) => e.Query = EventJson.Text(v, n),
        ["status"] = (e, v, n) => e.Status = checked((int)EventJson.Integer(v, n)),
        ["user_agent"] = (e, v, n) => e.UserAgent = EventJson.Text(v, n),
        ["referer"] = (e, v, n) => e.Referer = EventJson.Text(v, n),
        ["bytes"] = (e, v, n) => e.Bytes = EventJson.Integer(v, n),
        ["content"] = (e, v, n) => e.Content = EventJson.Text(v, n),
        ["scores"] = (e, v, n) => e.Scores = Map(v, n, x => x.GetValue<double>()),
        ["country"] = (e, v, n) => e.Country = EventJson.Text(v, n),
        ["asn"] = (e, v, n) => e.Asn = EventJson.Text(v, n),
        ["org"] = (e, v, n) => e.Org = EventJson.Text(v, n),
        ["labels"] = (e, v, n) => e.Labels = Map(v, n, x => EventJson.Text(x, n)),
        ["attributes"] = (e, v, _) => e.Attributes = v is JsonObject ? v.ToJsonString()
            : throw new FormatException("event field 'attributes' must be a JSON object"),
        ["raw"] = (e, v, n) => e.Raw = EventJson.Text(v, n),
    };

    public static IEnumerable<string> Names => Setters.Keys;

    public static bool TryApply(DecisionEvent target, string name, JsonNode value)
    {
        if (!Setters.TryGetValue(name, out var setter))
        {
            return false;
        }

        try
        {
            setter(target, value, name);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OverflowException or JsonException)
        {
            throw new FormatException($"event field '{name}' has the wrong type: {ex.Message}", ex);
        }

        return true;
    }

    private static string[] Strings(JsonNode value, string name) => value is JsonArray array
        ? [.. array.Select(item => item is null ? "" : EventJson.Text(item, name))]
        : throw new FormatException($"event field '{name}' must be a list of strings");

    private static Dictionary<string, T> Map<T>(JsonNode value, string name, Func<JsonNode, T> read) => value is JsonObject obj
        ? obj.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => read(p.Value!), StringComparer.Ordinal)
        : throw new FormatException($"event field '{name}' must be an object");
}
