using System.Collections.Frozen;
using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.AwsWaf;

/// <summary>
/// Reads AWS WAF (v2) log records, one JSON object per line.
/// Decision mapping: <c>action</c> ALLOW is <c>allow</c>, BLOCK is <c>deny</c>, CAPTCHA and
/// CHALLENGE are <c>challenge</c>, anything else <c>unknown</c>; all in enforce mode, because the
/// record's action took effect. The rule id is <c>terminatingRuleId</c>, except that
/// <c>Default_Action</c> means no rule decided; when the terminating rule is a rule group, the
/// group's terminating rule is appended (<c>AWS-AWSManagedRulesCommonRuleSet/SizeRestrictions_BODY</c>).
/// Matched rules are the deciding rule, the rate-based rules listed, and the non-terminating
/// matches at web ACL and rule group level: COUNT matches are shadow matches that never decide.
/// </summary>
public sealed class AwsWafParser : IRecordParser
{
    private const string DefaultAction = "Default_Action";

    // terminatingRuleId and action stay in the attributes as logged, since the rule id and the
    // decision are derived from them.
    private static readonly FrozenSet<string> Mapped = FrozenSet.Create(
        StringComparer.Ordinal,
        "timestamp", "webaclId", "httpRequest", "labels", "responseCodeSent");

    // terminatingRuleId and action stay in the attributes as logged, since the rule id and the
    // decision are derived from them.
    private static readonly FrozenSet<string> MappedRequest = FrozenSet.Create(
        StringComparer.Ordinal, "clientIp", "country", "uri", "args", "httpMethod", "host", "requestId");

    public string Format => LogFormat.AwsWaf;

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input)
    {
        if (!JsonRecord.TryParseObject(text, out var document, out var error))
        {
            return ParseOutcome.Failure(error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!TryReadTime(root, out var time, out error))
            {
                return ParseOutcome.Failure(error);
            }

            return ParseOutcome.Success(ToEvent(root, time, text, record.Location, input));
        }
    }

    /// <summary>Reads <c>timestamp</c>, which AWS WAF writes in Unix epoch milliseconds.</summary>
    private static bool TryReadTime(JsonElement root, out DateTime time, out string error)
    {
        time = default;
        error = "";
        if (JsonValues.Get(root, "timestamp") is not { } value)
        {
            error = "missing timestamp: the record has no \"timestamp\" field";
            return false;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var milliseconds)
            && Timestamps.TryFromEpoch(milliseconds / 1000, out time))
        {
            return true;
        }

        error = $"unparseable timestamp in field \"timestamp\": {JsonTime.Shorten(value.GetRawText())} "
            + "(expected Unix epoch milliseconds)";
        return false;
    }

    private static DecisionEvent ToEvent(JsonElement root, DateTime time, string text, RecordLocation location,
        InputIdentity input)
    {
        var request = JsonValues.Get(root, "httpRequest") ?? default;
        var ruleId = AwsWafRules.DecidingRule(root);
        return new DecisionEvent
        {
            EventId = JsonValues.GetString(request, "requestId") ?? input.EventIdAt(location.ByteOffset),
            Time = time,
            Source = LogFormat.AwsWaf,
            Decision = DecisionFor(JsonValues.GetString(root, "action")),
            Mode = EnforcementMode.Enforce,
            PolicyId = JsonValues.GetString(root, "webaclId"),
            RuleId = ruleId,
            MatchedRules = AwsWafRules.MatchedRules(root, ruleId),
            ClientIp = IpText.Canonicalize(JsonValues.GetString(request, "clientIp")),
            Country = JsonValues.GetString(request, "country") is { } country and not "-" ? country : null,
            Method = JsonValues.GetString(request, "httpMethod"),
            Host = JsonValues.GetString(request, "host") ?? AwsWafHeaders.Find(request, "Host"),
            Path = JsonValues.GetString(request, "uri"),
            Query = JsonValues.GetString(request, "args"),
            Status = (int?)JsonValues.GetInt64(root, "responseCodeSent"),
            UserAgent = AwsWafHeaders.Find(request, "User-Agent"),
            Referer = AwsWafHeaders.Find(request, "Referer"),
            Labels = Labels(root),
            Attributes = Attributes(root, request),
            Raw = text,
            Location = location,
        };
    }

    /// <summary>Maps an AWS WAF action to a decision.</summary>
    public static Decision DecisionFor(string? action) => action?.ToUpperInvariant() switch
    {
        "ALLOW" => Decision.Allow,
        "BLOCK" => Decision.Deny,
        "CAPTCHA" or "CHALLENGE" => Decision.Challenge,
        _ => Decision.Unknown,
    };

    // AWS WAF labels are names without values; each becomes a key with an empty value.
    private static Dictionary<string, string> Labels(JsonElement root)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonValues.Get(root, "labels") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var label in list.EnumerateArray())
            {
                if (JsonValues.GetString(label, "name") is { } name)
                {
                    labels[name] = "";
                }
            }
        }

        return labels;
    }

    private static string? Attributes(JsonElement root, JsonElement request)
    {
        using var attributes = new AttributesWriter();
        attributes.AddUnmapped(root, Mapped);
        attributes.AddUnmapped("httpRequest", request, MappedRequest);
        return attributes.ToJson();
    }

    internal static bool IsDefaultAction(string? ruleId) => ruleId is null or DefaultAction;
}
