using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>The summary queries of <see cref="DuckDbEventStore"/>.</summary>
public sealed partial class DuckDbEventStore
{
    private const string RejectPredicate = "mode = 'enforce' AND decision NOT IN ('allow', 'unknown')";

    /// <inheritdoc />
    public StoreSummary Summarize()
    {
        using var totals = Command("SELECT count(*), min(time), max(time) FROM events");
        using var reader = totals.ExecuteReader();
        reader.Read();
        var events = reader.GetInt64(0);
        DateTime? first = reader.IsDBNull(1) ? null : reader.GetDateTime(1);
        DateTime? last = reader.IsDBNull(2) ? null : reader.GetDateTime(2);

        // A quarantined record that a later run stored (with a mapping, say) has the same content id.
        using var quarantine = Command(
            "SELECT count(*) FROM quarantine q WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = q.id)");
        var quarantined = Convert.ToInt64(quarantine.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

        return new StoreSummary(
            events,
            quarantined,
            first,
            last,
            CountBy("source"),
            CountBy("decision"),
            CountBy("coalesce(rule_id, '(none)')"),
            CountBy("strftime(time, '%Y-%m-%d')", orderByKey: true));
    }

    // The key expressions are constants of this class, never user text.
    private List<CountRow> CountBy(string keyExpression, bool orderByKey = false)
    {
        var order = orderByKey ? "key" : "events DESC, key";
        using var command = Command($"""
            SELECT {keyExpression} AS key, count(*) AS events, count(*) FILTER (WHERE {RejectPredicate}) AS rejects
            FROM events GROUP BY ALL ORDER BY {order}
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<CountRow>();
        while (reader.Read())
        {
            rows.Add(new CountRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }
}
