using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.ModSecurity;

/// <summary>
/// The decision, mode and rules of one ModSecurity transaction, derived as documented on
/// <see cref="ModSecurityParser"/>.
/// </summary>
internal sealed record ModSecurityVerdict(
    Decision Decision,
    EnforcementMode Mode,
    string? RuleId,
    string? Reason,
    IReadOnlyList<string> MatchedRules)
{
    /// <summary>CRS blocking evaluation rules: inbound (949110) and outbound (959100) anomaly score exceeded.</summary>
    private static readonly string[] AnomalyEvaluationRules = ["949110", "959100"];

    public static ModSecurityVerdict Evaluate(JsonElement transaction, int? status)
    {
        var messages = Messages(transaction);
        var matched = messages.Select(message => message.RuleId).Distinct(StringComparer.Ordinal).ToList();
        var evaluation = messages.FirstOrDefault(message => AnomalyEvaluationRules.Contains(message.RuleId));
        var detectionOnly = string.Equals(JsonValues.GetString(transaction, "producer", "secrules_engine"),
            "DetectionOnly", StringComparison.OrdinalIgnoreCase);

        var decision = detectionOnly
            ? (evaluation is null ? Decision.Allow : Decision.Deny)
            : EnforcedDecision(status, evaluation is not null);
        var deciding = evaluation;
        if (deciding is null && decision == Decision.Deny && messages.Count > 0)
        {
            deciding = messages[^1];
        }

        var mode = detectionOnly ? EnforcementMode.Shadow : EnforcementMode.Enforce;
        return new ModSecurityVerdict(decision, mode, deciding?.RuleId, deciding?.Text, matched);
    }

    private static Decision EnforcedDecision(int? status, bool anomalyExceeded) => status switch
    {
        403 => Decision.Deny,
        >= 400 when anomalyExceeded => Decision.Deny,
        null => anomalyExceeded ? Decision.Deny : Decision.Unknown,
        _ => Decision.Allow,
    };

    private static List<RuleMessage> Messages(JsonElement transaction)
    {
        var messages = new List<RuleMessage>();
        if (JsonValues.Get(transaction, "messages") is not { ValueKind: JsonValueKind.Array } list)
        {
            return messages;
        }

        foreach (var message in list.EnumerateArray())
        {
            if (JsonValues.GetString(message, "details", "ruleId") is { } ruleId)
            {
                messages.Add(new RuleMessage(ruleId, JsonValues.GetString(message, "message")));
            }
        }

        return messages;
    }

    private sealed record RuleMessage(string RuleId, string? Text);
}
