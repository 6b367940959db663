namespace PolicyLoop.Core;

/// <summary>The snake_case names of the decision event's fields, as used in storage, JSON and policy conditions.</summary>
public static class DecisionEventFields
{
    public static IReadOnlyList<string> Names { get; } =
    [
        "event_id", "time", "source", "decision", "mode", "policy_id", "policy_version", "rule_id", "matched_rules",
        "reason", "client_ip", "user_id", "roles", "session_id", "tenant", "method", "host", "path", "query", "status",
        "user_agent", "referer", "bytes", "content", "scores", "country", "asn", "org", "labels", "attributes", "raw",
    ];

    /// <summary>Returns true when the event has a value for the named field; unknown names return true.</summary>
    public static bool IsSet(DecisionEvent e, string name) => name switch
    {
        "policy_id" => e.PolicyId is not null,
        "policy_version" => e.PolicyVersion is not null,
        "rule_id" => e.RuleId is not null,
        "matched_rules" => e.MatchedRules.Count > 0,
        "reason" => e.Reason is not null,
        "client_ip" => e.ClientIp is not null,
        "user_id" => e.UserId is not null,
        "roles" => e.Roles.Count > 0,
        "session_id" => e.SessionId is not null,
        "tenant" => e.Tenant is not null,
        "method" => e.Method is not null,
        "host" => e.Host is not null,
        "path" => e.Path is not null,
        "query" => e.Query is not null,
        "status" => e.Status is not null,
        "user_agent" => e.UserAgent is not null,
        "referer" => e.Referer is not null,
        "bytes" => e.Bytes is not null,
        "content" => e.Content is not null,
        "scores" => e.Scores.Count > 0,
        "country" => e.Country is not null,
        "asn" => e.Asn is not null,
        "org" => e.Org is not null,
        "labels" => e.Labels.Count > 0,
        "attributes" => e.Attributes is not null,
        "raw" => e.Raw is not null,
        _ => true,
    };
}
