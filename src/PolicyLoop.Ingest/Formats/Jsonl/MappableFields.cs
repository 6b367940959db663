using System.Collections.Frozen;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// The event fields a JSON lines mapping can fill, by their snake_case names, with the JSON value
/// type each expects. Decision and mode have sections of their own in a mapping file.
/// </summary>
public static class MappableFields
{
    public static FrozenDictionary<string, EventFieldKind> Kinds { get; } = new Dictionary<string, EventFieldKind>
    {
        ["event_id"] = EventFieldKind.Text,
        ["time"] = EventFieldKind.Time,
        ["source"] = EventFieldKind.Text,
        ["policy_id"] = EventFieldKind.Text,
        ["policy_version"] = EventFieldKind.Text,
        ["rule_id"] = EventFieldKind.Text,
        ["matched_rules"] = EventFieldKind.TextList,
        ["reason"] = EventFieldKind.Text,
        ["client_ip"] = EventFieldKind.Address,
        ["user_id"] = EventFieldKind.Text,
        ["roles"] = EventFieldKind.TextList,
        ["session_id"] = EventFieldKind.Text,
        ["tenant"] = EventFieldKind.Text,
        ["method"] = EventFieldKind.Text,
        ["host"] = EventFieldKind.Text,
        ["path"] = EventFieldKind.Text,
        ["query"] = EventFieldKind.Text,
        ["status"] = EventFieldKind.Integer,
        ["user_agent"] = EventFieldKind.Text,
        ["referer"] = EventFieldKind.Text,
        ["bytes"] = EventFieldKind.Integer,
        ["content"] = EventFieldKind.Text,
        ["scores"] = EventFieldKind.Scores,
        ["country"] = EventFieldKind.Text,
        ["asn"] = EventFieldKind.Text,
        ["org"] = EventFieldKind.Text,
        ["labels"] = EventFieldKind.Labels,
        ["attributes"] = EventFieldKind.Object,
        ["raw"] = EventFieldKind.Text,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
