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
    public static bool IsSet(DecisionEvent e, string name) => IsSetTest(name)(e);

    /// <summary>
    /// Returns the test of <see cref="IsSet"/> for one field, for callers that check the same
    /// field on many events and would otherwise look the name up each time.
    /// </summary>
    public static Func<DecisionEvent, bool> IsSetTest(string name) => name switch
    {
        "policy_id" => e => e.PolicyId is not null,
        "policy_version" => e => e.PolicyVersion is not null,
        "rule_id" => e => e.RuleId is not null,
        "matched_rules" => e => e.MatchedRules.Count > 0,
        "reason" => e => e.Reason is not null,
        "client_ip" => e => e.ClientIp is not null,
        "user_id" => e => e.UserId is not null,
        "roles" => e => e.Roles.Count > 0,
        "session_id" => e => e.SessionId is not null,
        "tenant" => e => e.Tenant is not null,
        "method" => e => e.Method is not null,
        "host" => e => e.Host is not null,
        "path" => e => e.Path is not null,
        "query" => e => e.Query is not null,
        "status" => e => e.Status is not null,
        "user_agent" => e => e.UserAgent is not null,
        "referer" => e => e.Referer is not null,
        "bytes" => e => e.Bytes is not null,
        "content" => e => e.Content is not null,
        "scores" => e => e.Scores.Count > 0,
        "country" => e => e.Country is not null,
        "asn" => e => e.Asn is not null,
        "org" => e => e.Org is not null,
        "labels" => e => e.Labels.Count > 0,
        "attributes" => e => e.Attributes is not null,
        "raw" => e => e.Raw is not null,
        _ => _ => true,
    };
}
