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

    private const string EventWhere = """

        WHERE ($since IS NULL OR time >= $since)
          AND ($until IS NULL OR time < $until)
          AND ($source IS NULL OR source = $source)
        """;

    private const string EventFilter = EventWhere + """

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
    /// <param name="query">Which events to read.</param>
    /// <param name="fields">The fields to read.</param>
    /// <param name="sliceEvents">
    /// Events per time slice when events spread evenly over time; see <see cref="ProjectedEventReader"/>.
    /// </param>
    public ProjectedEventReader ReadProjected(EventQuery query, IEnumerable<string> fields,
        long sliceEvents = ProjectedEventReader.SliceEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sliceEvents, 1);
        var columns = NativeColumn.Always.Union(fields, StringComparer.Ordinal).ToList();
        foreach (var column in columns)
        {
            NativeColumn.For(column);
        }

        var select = "SELECT " + string.Join(", ", columns.Select(column => $"\"{column}\"")) + """
             FROM events
            WHERE time >= $1 AND time < $2
              AND ($3 IS NULL OR time >= $3)
              AND ($4 IS NULL OR time < $4)
              AND ($5 IS NULL OR source = $5)
            """;
        return new ProjectedEventReader(_connection.NativeConnection, select, columns, query, TimeSlices(query, sliceEvents));
    }

    /// <summary>
    /// Splits the time range of the matching events into slices of equal length, one per
    /// <paramref name="sliceEvents"/> events, each half-open and in order.
    /// </summary>
    private List<(DateTime Start, DateTime End)> TimeSlices(EventQuery query, long sliceEvents)
    {
        using var command = QueryCommand("SELECT count(*), min(time), max(time) FROM events" + EventWhere, query);
        using var reader = command.ExecuteReader();
        reader.Read();
        var count = reader.GetInt64(0);
        if (count == 0)
        {
            return [];
        }

        var first = reader.GetDateTime(1);

        // The store keeps microseconds, so one microsecond past the newest event ends the last slice.
        var end = reader.GetDateTime(2).AddTicks(TimeSpan.TicksPerMicrosecond);
        var slices = (int)Math.Clamp((count + sliceEvents - 1) / sliceEvents,
            1, (end - first).Ticks / TimeSpan.TicksPerMicrosecond);
        var length = (end - first).Ticks / TimeSpan.TicksPerMicrosecond / slices * TimeSpan.TicksPerMicrosecond;
        var result = new List<(DateTime Start, DateTime End)>(slices);
        for (var i = 0; i < slices; i++)
        {
            var start = first.AddTicks(i * length);
            result.Add((start, i == slices - 1 ? end : start.AddTicks(length)));
        }

        return result;
    }

    /// <summary>The earliest and latest stored event times, or nulls for an empty store.</summary>
    public (DateTime? First, DateTime? Last) EventTimeRange()
    {
        using var command = Command("SELECT min(time), max(time) FROM events");
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.IsDBNull(0)
            ? (null, null)
            : (DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
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
