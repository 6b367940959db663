using System.Data.Common;
using System.Text.Json;
using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>Event reads of <see cref="DuckDbEventStore"/>.</summary>
public sealed partial class DuckDbEventStore
{
    private const string EventSelect = """
        SELECT event_id, time, source, decision, mode, policy_id, policy_version, rule_id, matched_rules, reason,
               client_ip, user_id, roles, session_id, tenant, method, host, path, query, status, user_agent,
               referer, bytes, content, scores, country, asn, org, labels, attributes, raw, lenient,
               input_file, input_line, input_offset
        FROM events
        """;

    private const string EventFilter = """

        WHERE ($since IS NULL OR time >= $since)
          AND ($until IS NULL OR time < $until)
          AND ($source IS NULL OR source = $source)
        ORDER BY time, event_id
        """;

    /// <inheritdoc />
    public IEnumerable<DecisionEvent> ReadEvents(EventQuery query)
    {
        using var command = QueryCommand(EventSelect + EventFilter, query);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return ReadEvent(reader);
        }
    }

    /// <summary>
    /// Opens a read of the events that match <paramref name="query"/>, in the same order as
    /// <see cref="ReadEvents"/>, that selects only the named fields (snake_case, as in
    /// <see cref="DecisionEventFields"/>, plus <c>lenient</c>) besides the event id, time, source,
    /// decision and mode. Unknown names raise <see cref="ArgumentException"/>.
    /// </summary>
    public ProjectedEventReader ReadProjected(EventQuery query, IEnumerable<string> fields)
    {
        var columns = EventColumnAssigns.Always.Union(fields, StringComparer.Ordinal).ToList();
        foreach (var column in columns)
        {
            EventColumnAssigns.For(column);
        }

        var select = "SELECT " + string.Join(", ", columns.Select(column => $"\"{column}\"")) + " FROM events";
        return new ProjectedEventReader(QueryCommand(select + EventFilter, query), columns);
    }

    /// <summary>The latest stored event time of the source (or of all sources when null); null when none is stored.</summary>
    public DateTime? LatestEventTime(string? source)
    {
        using var command = Command("SELECT max(time) FROM events WHERE $source IS NULL OR source = $source");
        command.Parameters.Add(new DuckDBParameter("source", (object?)source ?? DBNull.Value));
        return command.ExecuteScalar() is DateTime latest ? DateTime.SpecifyKind(latest, DateTimeKind.Utc) : null;
    }

    private DuckDBCommand QueryCommand(string sql, EventQuery query)
    {
        var command = Command(sql);
        command.Parameters.Add(new DuckDBParameter("since", (object?)query.Since ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("until", (object?)query.Until ?? DBNull.Value));
        command.Parameters.Add(new DuckDBParameter("source", (object?)query.Source ?? DBNull.Value));
        return command;
    }

    private static DecisionEvent ReadEvent(DbDataReader row)
    {
        // The store writes only known names; anything else reads as unknown in enforce mode.
        var decision = DecisionNames.TryParseDecision(row.GetString(3), out var parsed) ? parsed : Decision.Unknown;
        var mode = DecisionNames.TryParseMode(row.GetString(4), out var parsedMode) ? parsedMode : EnforcementMode.Enforce;
        return new DecisionEvent
        {
            EventId = row.GetString(0),
            Time = DateTime.SpecifyKind(row.GetDateTime(1), DateTimeKind.Utc),
            Source = row.GetString(2),
            Decision = decision,
            Mode = mode,
            PolicyId = Text(row, 5),
            PolicyVersion = Text(row, 6),
            RuleId = Text(row, 7),
            MatchedRules = TextList(row, 8),
            Reason = Text(row, 9),
            ClientIp = Text(row, 10),
            UserId = Text(row, 11),
            Roles = TextList(row, 12),
            SessionId = Text(row, 13),
            Tenant = Text(row, 14),
            Method = Text(row, 15),
            Host = Text(row, 16),
            Path = Text(row, 17),
            Query = Text(row, 18),
            Status = row.IsDBNull(19) ? null : row.GetInt32(19),
            UserAgent = Text(row, 20),
            Referer = Text(row, 21),
            Bytes = row.IsDBNull(22) ? null : row.GetInt64(22),
            Content = Text(row, 23),
            Scores = Map(row, 24, StoreJsonContext.Default.DictionaryStringDouble) ?? [],
            Country = Text(row, 25),
            Asn = Text(row, 26),
            Org = Text(row, 27),
            Labels = Map(row, 28, StoreJsonContext.Default.DictionaryStringString) ?? [],
            Attributes = Text(row, 29),
            Raw = Text(row, 30),
            Lenient = row.GetBoolean(31),
            Location = row.IsDBNull(32)
                ? null
                : new RecordLocation(row.GetString(32), row.GetInt64(33), row.GetInt64(34)),
        };
    }

    private static string? Text(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);

    private static List<string> TextList(DbDataReader row, int column) =>
        row.IsDBNull(column) ? [] : row.GetFieldValue<List<string>>(column);

    private static T? Map<T>(DbDataReader row, int column, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class =>
        row.IsDBNull(column) ? null : JsonSerializer.Deserialize(row.GetString(column), type);
}
