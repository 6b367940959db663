using System.Text;
using System.Text.Json;
using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>The field readers of <see cref="EventJsonParser"/>. Each returns an error message, or null on success.</summary>
public sealed partial class EventJsonParser
{
    private string? ReadField(ref Utf8JsonReader reader, EventField field, DecisionEvent e, ref RecordState state)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return field == EventField.Time ? "field \"time\" is null: every event needs its decision time" : null;
        }

        string? error;
        switch (field)
        {
            case EventField.EventId:
                error = ReadUniqueString(ref reader, field, out var id);
                e.EventId = id ?? "";
                return error;
            case EventField.Time:
                state.HasTime = true;
                return ReadTime(ref reader, e);
            case EventField.Decision:
                return ReadDecision(ref reader, e);
            case EventField.Mode:
                return ReadMode(ref reader, e);
            case EventField.ClientIp:
                return ReadClientIp(ref reader, e);
            case EventField.Content:
                error = ReadUniqueString(ref reader, field, out var content);
                e.Content = content;
                return error;
            case EventField.MatchedRules:
                error = ReadStringList(ref reader, field, out var matched);
                e.MatchedRules = matched;
                return error;
            case EventField.Roles:
                error = ReadStringList(ref reader, field, out var roles);
                e.Roles = roles;
                return error;
            case EventField.Status:
                error = ReadInt32(ref reader, field, out var status);
                e.Status = status;
                return error;
            case EventField.Bytes:
                error = ReadInt64(ref reader, field, out var bytes);
                e.Bytes = bytes;
                return error;
            case EventField.Labels:
                return ReadLabels(ref reader, e);
            case EventField.Scores:
                return ReadScores(ref reader, e);
            case EventField.Attributes:
                return ReadAttributes(ref reader, ref state);
            default:
                return ReadSharedString(ref reader, field, e);
        }
    }

    private string? ReadSharedString(ref Utf8JsonReader reader, EventField field, DecisionEvent e)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(field, "a string", reader.TokenType);
        }

        var value = reader.ValueIsEscaped ? reader.GetString()! : _strings.GetOrAdd(reader.ValueSpan);
        switch (field)
        {
            case EventField.Source: e.Source = value; break;
            case EventField.PolicyId: e.PolicyId = value; break;
            case EventField.PolicyVersion: e.PolicyVersion = value; break;
            case EventField.RuleId: e.RuleId = value; break;
            case EventField.Reason: e.Reason = value; break;
            case EventField.UserId: e.UserId = value; break;
            case EventField.SessionId: e.SessionId = value; break;
            case EventField.Tenant: e.Tenant = value; break;
            case EventField.Method: e.Method = value; break;
            case EventField.Host: e.Host = value; break;
            case EventField.Path: e.Path = value; break;
            case EventField.Query: e.Query = value; break;
            case EventField.UserAgent: e.UserAgent = value; break;
            case EventField.Referer: e.Referer = value; break;
            case EventField.Country: e.Country = value; break;
            case EventField.Asn: e.Asn = value; break;
            case EventField.Org: e.Org = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "not a string field");
        }

        return null;
    }

    private static string? ReadUniqueString(ref Utf8JsonReader reader, EventField field, out string? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(field, "a string", reader.TokenType);
        }

        value = reader.GetString();
        return null;
    }

    private static string? ReadTime(ref Utf8JsonReader reader, DecisionEvent e)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDouble(out var epoch) && Timestamps.TryFromEpoch(epoch, out var fromEpoch))
            {
                e.Time = fromEpoch;
                return null;
            }

            return $"invalid time {Encoding.UTF8.GetString(reader.ValueSpan)} in field \"time\": "
                    + "expected a Unix epoch number (s, ms, us or ns) or an ISO 8601 text";
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(EventField.Time, "a string or a number", reader.TokenType);
        }

        if (!reader.ValueIsEscaped && IsoTimestamp.TryParse(reader.ValueSpan, out var utc))
        {
            e.Time = utc;
            return null;
        }

        var text = reader.GetString();
        if (Timestamps.TryParse(text, out utc))
        {
            e.Time = utc;
            return null;
        }

        return $"invalid time \"{Shorten(text!)}\" in field \"time\": expected ISO 8601 such as "
            + "2026-11-01T12:00:00Z, or a Unix epoch number";
    }

    private static string? ReadDecision(ref Utf8JsonReader reader, DecisionEvent e)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(EventField.Decision, "a string", reader.TokenType);
        }

        var span = reader.ValueSpan;
        if (span.SequenceEqual("allow"u8))
        {
            e.Decision = Decision.Allow;
            return null;
        }

        var text = reader.GetString();
        if (DecisionNames.TryParseDecision(text, out var decision))
        {
            e.Decision = decision;
            return null;
        }

        return $"invalid decision \"{Shorten(text!)}\" in field \"decision\": "
                + "expected allow, deny, throttle, challenge, error or unknown";
    }

    private static string? ReadMode(ref Utf8JsonReader reader, DecisionEvent e)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(EventField.Mode, "a string", reader.TokenType);
        }

        if (reader.ValueSpan.SequenceEqual("enforce"u8))
        {
            e.Mode = EnforcementMode.Enforce;
            return null;
        }

        var text = reader.GetString();
        if (DecisionNames.TryParseMode(text, out var mode))
        {
            e.Mode = mode;
            return null;
        }

        return $"invalid mode \"{Shorten(text!)}\" in field \"mode\": expected enforce or shadow";
    }

    private string? ReadClientIp(ref Utf8JsonReader reader, DecisionEvent e)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType(EventField.ClientIp, "a string", reader.TokenType);
        }

        var address = reader.ValueIsEscaped
            ? Canonical(Encoding.UTF8.GetBytes(reader.GetString()!))
            : _addresses.GetOrAdd(reader.ValueSpan, Canonical);
        e.ClientIp = address.Length == 0 ? null : address;
        return null;

        static string Canonical(ReadOnlySpan<byte> utf8) => IpText.Canonicalize(Encoding.UTF8.GetString(utf8)) ?? "";
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private static string WrongType(EventField field, string expected, JsonTokenType actual) =>
        $"field \"{EventFieldNames.NameOf(field)}\" must be {expected}, not {Describe(actual)}";

    private static string Describe(JsonTokenType token) =>
        token switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.Null => "null",
            _ => token.ToString(),
        };
}
