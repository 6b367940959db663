using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>Converts a mapped JSON value to its event field's type and stores it in the event.</summary>
internal static class MappedFieldWriter
{
    /// <summary>
    /// Stores the value. Returns what is wrong with it, worded to follow the value in a message,
    /// when its type does not fit; null when it was stored.
    /// </summary>
    public static string? Apply(string name, JsonElement value, DecisionEvent target, AttributesWriter attributes) =>
        MappableFields.Kinds[name] switch
        {
            EventFieldKind.Integer => ApplyInteger(name, value, target),
            EventFieldKind.TextList => ApplyList(name, value, target),
            EventFieldKind.Scores => ApplyScores(value, target),
            EventFieldKind.Labels => ApplyLabels(value, target),
            EventFieldKind.Object => ApplyAttributes(value, attributes),
            _ => ApplyText(name, value, target),
        };

    private static string? ApplyText(string name, JsonElement value, DecisionEvent target)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
        {
            return "is not text: expected a JSON string or number";
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        switch (name)
        {
            case "event_id": target.EventId = string.IsNullOrEmpty(text) ? target.EventId : text; break;
            case "source": target.Source = string.IsNullOrEmpty(text) ? target.Source : text; break;
            case "policy_id": target.PolicyId = text; break;
            case "policy_version": target.PolicyVersion = text; break;
            case "rule_id": target.RuleId = text; break;
            case "reason": target.Reason = text; break;
            case "client_ip": target.ClientIp = IpText.Canonicalize(text); break;
            case "user_id": target.UserId = text; break;
            case "session_id": target.SessionId = text; break;
            case "tenant": target.Tenant = text; break;
            case "method": target.Method = text; break;
            case "host": target.Host = text; break;
            case "path": target.Path = text; break;
            case "query": target.Query = text; break;
            case "user_agent": target.UserAgent = text; break;
            case "referer": target.Referer = text; break;
            case "content": target.Content = text; break;
            case "country": target.Country = text; break;
            case "asn": target.Asn = text; break;
            case "org": target.Org = text; break;
            case "raw": target.Raw = text; break;
        }

        return null;
    }

    private static string? ApplyInteger(string name, JsonElement value, DecisionEvent target)
    {
        var number = JsonValues.AsString(value) is { } text
            && value.ValueKind is JsonValueKind.Number or JsonValueKind.String
            && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign,
                System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : (long?)null;
        if (number is not { } whole)
        {
            return "is not a whole number";
        }

        if (name == "status")
        {
            if (whole is < 0 or > 999)
            {
                return "is not an HTTP status: expected a number from 0 to 999";
            }

            target.Status = (int)whole;
        }
        else
        {
            target.Bytes = whole;
        }

        return null;
    }

    private static string? ApplyList(string name, JsonElement value, DecisionEvent target)
    {
        var isList = value.ValueKind == JsonValueKind.Array
            && value.EnumerateArray().All(item => item.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array));
        if (!isList && value.ValueKind != JsonValueKind.String)
        {
            return "is not a list of text: expected a JSON array of strings or a single string";
        }

        var items = JsonValues.GetStrings(value);
        if (name == "roles")
        {
            target.Roles = items;
        }
        else
        {
            target.MatchedRules = items;
        }

        return null;
    }

    private static string? ApplyScores(JsonElement value, DecisionEvent target)
    {
        if (value.ValueKind != JsonValueKind.Object
            || value.EnumerateObject().Any(score => score.Value.ValueKind != JsonValueKind.Number))
        {
            return "is not a scores object: expected a JSON object of numbers";
        }

        target.Scores = value.EnumerateObject().ToDictionary(
            score => score.Name, score => score.Value.GetDouble(), StringComparer.Ordinal);
        return null;
    }

    private static string? ApplyLabels(JsonElement value, DecisionEvent target)
    {
        if (value.ValueKind != JsonValueKind.Object
            || value.EnumerateObject().Any(label => label.Value.ValueKind
                is JsonValueKind.Object or JsonValueKind.Array))
        {
            return "is not a labels object: expected a JSON object of strings";
        }

        target.Labels = value.EnumerateObject()
            .Where(label => label.Value.ValueKind != JsonValueKind.Null)
            .ToDictionary(label => label.Name, label => JsonValues.AsString(label.Value) ?? "", StringComparer.Ordinal);
        return null;
    }

    private static string? ApplyAttributes(JsonElement value, AttributesWriter attributes)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return "is not an attributes object: expected a JSON object";
        }

        foreach (var property in value.EnumerateObject())
        {
            attributes.Add(property.Name, property.Value);
        }

        return null;
    }
}
