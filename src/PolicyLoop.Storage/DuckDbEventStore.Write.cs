using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>Batch writes of <see cref="DuckDbEventStore"/>.</summary>
public sealed partial class DuckDbEventStore
{
    /// <inheritdoc />
    public BatchOutcome StoreBatch(IReadOnlyList<DecisionEvent> events, IReadOnlyList<QuarantinedRecord> quarantined)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        List<QuarantinedRecord> newlyQuarantined;
        long stored;
        try
        {
            using var transaction = _connection.BeginTransaction();
            stored = InsertEvents(events, now);
            newlyQuarantined = InsertQuarantined(quarantined, now);
            transaction.Commit();
        }
        catch (DuckDBException ex)
        {
            throw new StoreException($"cannot write to the store {Path}: {ex.Message}", ex);
        }

        _quarantineFile.Append(newlyQuarantined, now);
        return new BatchOutcome(stored, events.Count - stored, newlyQuarantined.Count);
    }

    private long InsertEvents(IReadOnlyList<DecisionEvent> events, DateTime now)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        using (var appender = _connection.CreateAppender("ingest_staging"))
        {
            foreach (var decisionEvent in events)
            {
                EventRows.Append(appender.CreateRow(), decisionEvent, now);
            }
        }

        // Keeps the first copy of an id, whether the copy is already stored or earlier in this batch.
        // The window needs ORDER BY rowid (append order): without it DuckDB picks any copy once it
        // runs the window on several threads.
        using var insert = Command("""
            INSERT OR IGNORE INTO events
            SELECT * FROM ingest_staging QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY rowid) = 1
            """);
        var stored = insert.ExecuteNonQuery();
        Execute("DELETE FROM ingest_staging");
        return stored;
    }

    private List<QuarantinedRecord> InsertQuarantined(IReadOnlyList<QuarantinedRecord> records, DateTime now)
    {
        var inserted = new List<QuarantinedRecord>();
        foreach (var record in records)
        {
            using var command = Command("""
                INSERT OR IGNORE INTO quarantine
                VALUES ($id, $file, $line, $offset, $format, $reason, $raw, $truncated, $base64, $now)
                """);
            command.Parameters.Add(new DuckDBParameter("id", record.Id));
            command.Parameters.Add(new DuckDBParameter("file", record.Location.File));
            command.Parameters.Add(new DuckDBParameter("line", record.Location.Line));
            command.Parameters.Add(new DuckDBParameter("offset", record.Location.ByteOffset));
            command.Parameters.Add(new DuckDBParameter("format", record.Format));
            command.Parameters.Add(new DuckDBParameter("reason", record.Reason));
            command.Parameters.Add(new DuckDBParameter("raw", record.RawText));
            command.Parameters.Add(new DuckDBParameter("truncated", record.RawTruncated));
            command.Parameters.Add(new DuckDBParameter("base64", (object?)record.RawBase64 ?? DBNull.Value));
            command.Parameters.Add(new DuckDBParameter("now", now));
            if (command.ExecuteNonQuery() > 0)
            {
                inserted.Add(record);
            }
        }

        return inserted;
    }
}
