using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>
/// Per column of the events table, how a read value sets its decision event field. The
/// conversions match <see cref="DuckDbEventStore.ReadEvents"/>, so both reads give equal fields.
/// </summary>
internal static class EventColumnAssigns
{
    /// <summary>The columns every projected read selects: identity, order and the logged decision.</summary>
    public static IReadOnlyList<string> Always { get; } = ["event_id", "time", "source", "decision", "mode"];

    public static Action<DbDataReader, int, DecisionEvent> For(string column) => column switch
    {
        "event_id" => (row, i, e) => e.EventId = row.GetString(i),
        "time" => (row, i, e) => e.Time = DateTime.SpecifyKind(row.GetDateTime(i), DateTimeKind.Utc),
        "source" => (row, i, e) => e.Source = row.GetString(i),
        "decision" => (row, i, e) =>
            e.Decision = DecisionNames.TryParseDecision(row.GetString(i), out var parsed) ? parsed : Decision.Unknown,
        "mode" => (row, i, e) =>
            e.Mode = DecisionNames.TryParseMode(row.GetString(i), out var parsed) ? parsed : EnforcementMode.Enforce,
        "policy_id" => (row, i, e) => e.PolicyId = Text(row, i),
        "policy_version" => (row, i, e) => e.PolicyVersion = Text(row, i),
        "rule_id" => (row, i, e) => e.RuleId = Text(row, i),
        "matched_rules" => (row, i, e) => e.MatchedRules = TextList(row, i),
        "reason" => (row, i, e) => e.Reason = Text(row, i),
        "client_ip" => (row, i, e) => e.ClientIp = Text(row, i),
        "user_id" => (row, i, e) => e.UserId = Text(row, i),
        "roles" => (row, i, e) => e.Roles = TextList(row, i),
        "session_id" => (row, i, e) => e.SessionId = Text(row, i),
        "tenant" => (row, i, e) => e.Tenant = Text(row, i),
        "method" => (row, i, e) => e.Method = Text(row, i),
        "host" => (row, i, e) => e.Host = Text(row, i),
        "path" => (row, i, e) => e.Path = Text(row, i),
        "query" => (row, i, e) => e.Query = Text(row, i),
        "status" => (row, i, e) => e.Status = row.IsDBNull(i) ? null : row.GetInt32(i),
        "user_agent" => (row, i, e) => e.UserAgent = Text(row, i),
        "referer" => (row, i, e) => e.Referer = Text(row, i),
        "bytes" => (row, i, e) => e.Bytes = row.IsDBNull(i) ? null : row.GetInt64(i),
        "content" => (row, i, e) => e.Content = Text(row, i),
        "scores" => (row, i, e) => e.Scores = Map(row, i, StoreJsonContext.Default.DictionaryStringDouble) ?? [],
        "country" => (row, i, e) => e.Country = Text(row, i),
        "asn" => (row, i, e) => e.Asn = Text(row, i),
        "org" => (row, i, e) => e.Org = Text(row, i),
        "labels" => (row, i, e) => e.Labels = Map(row, i, StoreJsonContext.Default.DictionaryStringString) ?? [],
        "attributes" => (row, i, e) => e.Attributes = Text(row, i),
        "raw" => (row, i, e) => e.Raw = Text(row, i),
        "lenient" => (row, i, e) => e.Lenient = row.GetBoolean(i),
        _ => throw new ArgumentException($"unknown event column \"{column}\"", nameof(column)),
    };

    private static string? Text(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static List<string> TextList(DbDataReader row, int column) =>
        row.IsDBNull(column) ? [] : row.GetFieldValue<List<string>>(column);

    private static T? Map<T>(DbDataReader row, int column, JsonTypeInfo<T> type)
        where T : class =>
        row.IsDBNull(column) ? null : JsonSerializer.Deserialize(row.GetString(column), type);
}
