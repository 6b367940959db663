using System.Globalization;
using PolicyLoop.Storage;

namespace PolicyLoop.Bench.Baseline;

/// <summary>
/// Generates events with SQL inside the store: one source and policy, 5% rejects spread over the
/// rules by a hash of the event number, times spread evenly over the days.
/// </summary>
internal sealed class EventGenerator(DuckDbEventStore store, int rules, int days)
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Inserts events number <paramref name="first"/> to first + count - 1 over the whole span.</summary>
    public void Insert(long first, long count, DateTime ingestedAt)
    {
        var seconds = days * 86_400.0;
        Execute($"""
            INSERT INTO events (event_id, time, source, decision, mode, policy_id, rule_id, lenient, ingested_at)
            SELECT i::VARCHAR,
                   TIMESTAMP '{Start:yyyy-MM-dd HH:mm:ss}' + to_microseconds(CAST((i - {first}) * {seconds.ToString(CultureInfo.InvariantCulture)} / {count} * 1e6 AS BIGINT)),
                   'aws-waf',
                   CASE WHEN hash(i) % 20 = 0 THEN 'deny' ELSE 'allow' END,
                   'enforce',
                   'edge-acl',
                   CASE WHEN hash(i) % 20 = 0 THEN 'rule-' || (hash(i * 7) % {rules})::VARCHAR END,
                   false,
                   TIMESTAMP '{ingestedAt:yyyy-MM-dd HH:mm:ss}'
            FROM range({first}, {first + count}) t(i)
            """);
    }

    /// <summary>Inserts <paramref name="count"/> events in the five minutes after the span.</summary>
    public void InsertNextBucket(long first, long count, DateTime ingestedAt)
    {
        var bucketStart = Start.AddDays(days);
        Execute($"""
            INSERT INTO events (event_id, time, source, decision, mode, policy_id, rule_id, lenient, ingested_at)
            SELECT i::VARCHAR,
                   TIMESTAMP '{bucketStart:yyyy-MM-dd HH:mm:ss}' + to_microseconds(CAST((i - {first}) * 300e6 / {count} AS BIGINT)),
                   'aws-waf',
                   CASE WHEN hash(i) % 20 = 0 THEN 'deny' ELSE 'allow' END,
                   'enforce',
                   'edge-acl',
                   CASE WHEN hash(i) % 20 = 0 THEN 'rule-' || (hash(i * 7) % {rules})::VARCHAR END,
                   false,
                   TIMESTAMP '{ingestedAt:yyyy-MM-dd HH:mm:ss}'
            FROM range({first}, {first + count}) t(i)
            """);
    }

    private void Execute(string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
