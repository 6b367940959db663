using DuckDB.NET.Data;

namespace PolicyLoop.Storage;

/// <summary>The log of alerts already sent, so a restarted watcher does not send them again.</summary>
public sealed partial class DuckDbEventStore
{
    /// <summary>Reads the ids of every alert recorded as sent.</summary>
    public IReadOnlySet<string> ReadSentAlertIds()
    {
        using var command = Command("SELECT alert_id FROM alert_log");
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Records an alert as sent; recording the same id again changes nothing.</summary>
    public void RecordSentAlert(string alertId, string scope, string detector, string kind, DateTime bucketStart, string payloadJson)
    {
        using var command = Command("""
            INSERT INTO alert_log VALUES ($id, $scope, $detector, $kind, $bucket, $payload, $now)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new DuckDBParameter("id", alertId));
        command.Parameters.Add(new DuckDBParameter("scope", scope));
        command.Parameters.Add(new DuckDBParameter("detector", detector));
        command.Parameters.Add(new DuckDBParameter("kind", kind));
        command.Parameters.Add(new DuckDBParameter("bucket", bucketStart));
        command.Parameters.Add(new DuckDBParameter("payload", payloadJson));
        command.Parameters.Add(new DuckDBParameter("now", _time.GetUtcNow().UtcDateTime));
        command.ExecuteNonQuery();
    }
}
