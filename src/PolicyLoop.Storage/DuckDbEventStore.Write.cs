using DuckDB.NET.Data;
using DuckDB.NET.Native;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>Batch writes of <see cref="DuckDbEventStore"/>.</summary>
public sealed partial class DuckDbEventStore
{
    /// <summary>The connection's temporary table for batches that may repeat stored ids.</summary>
    private const string StagingTable = "ingest_batch";

    // True while recent batches held only new ids, so the next batch is appended straight into events.
    private bool _appendDirectly = true;

    /// <inheritdoc />
    public BatchOutcome StoreBatch(IReadOnlyList<DecisionEvent> events, IReadOnlyList<QuarantinedRecord> quarantined)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var firstCopies = FirstCopies(events, out var conflicts, out var firstConflict);
        long stored;
        List<QuarantinedRecord> newlyQuarantined;
        try
        {
            if (!_appendDirectly || !TryAppendDirectly(firstCopies, quarantined, now, out newlyQuarantined))
            {
                (stored, newlyQuarantined, var stagedConflicts, var stagedFirst) =
                    WriteThroughStaging(firstCopies, quarantined, now);
                conflicts += stagedConflicts;
                firstConflict ??= stagedFirst;
                _appendDirectly = stored == firstCopies.Count;
            }
            else
            {
                stored = firstCopies.Count;
            }
        }
        catch (DuckDBException ex)
        {
            throw new StoreException($"cannot write to the store {Path}: {ex.Message}", ex);
        }

        _quarantineFile.Append(newlyQuarantined, now);
        return new BatchOutcome(stored, events.Count - stored, newlyQuarantined.Count, conflicts, firstConflict);
    }

    /// <summary>
    /// Appends the batch straight into events in one transaction. When an id is stored already,
    /// the primary key rejects the whole append and the transaction rolls back. This then returns
    /// false, and the caller writes the batch through staging.
    /// </summary>
    private bool TryAppendDirectly(
        List<DecisionEvent> events,
        IReadOnlyList<QuarantinedRecord> quarantined,
        DateTime now,
        out List<QuarantinedRecord> newlyQuarantined)
    {
        try
        {
            using var transaction = _connection.BeginTransaction();
            AppendRows("events", events, now);
            newlyQuarantined = InsertQuarantined(quarantined, now);
            transaction.Commit();
            return true;
        }
        catch (DuckDBException ex) when (ex.ErrorType == DuckDBErrorType.Constraint)
        {
            _appendDirectly = false;
            newlyQuarantined = [];
            return false;
        }
    }

    /// <summary>Stores the events whose ids are new by way of the staging table, in one transaction.</summary>
    private (long Stored, List<QuarantinedRecord> Quarantined, long Conflicts, string? FirstConflict) WriteThroughStaging(
        List<DecisionEvent> events,
        IReadOnlyList<QuarantinedRecord> quarantined,
        DateTime now)
    {
        using var transaction = _connection.BeginTransaction();
        long stored = 0;
        long conflicts = 0;
        string? firstConflict = null;
        if (events.Count > 0)
        {
            AppendRows(StagingTable, events, now);
            using var insert = Command($"INSERT OR IGNORE INTO events SELECT * FROM {StagingTable}");
            stored = insert.ExecuteNonQuery();

            // Rows just inserted equal their staged copy; a stored row with other content is a reused id.
            using var conflicting = Command($"""
                SELECT count(*), min(s.event_id) FROM {StagingTable} s JOIN events e ON e.event_id = s.event_id
                WHERE e.raw IS DISTINCT FROM s.raw
                """);
            using (var reader = conflicting.ExecuteReader())
            {
                reader.Read();
                conflicts = reader.GetInt64(0);
                firstConflict = reader.IsDBNull(1) ? null : reader.GetString(1);
            }

            Execute($"DELETE FROM {StagingTable}");
        }

        var newlyQuarantined = InsertQuarantined(quarantined, now);
        transaction.Commit();
        return (stored, newlyQuarantined, conflicts, firstConflict);
    }

    private void AppendRows(string table, List<DecisionEvent> events, DateTime now)
    {
        using var appender = _connection.CreateAppender(table);
        foreach (var decisionEvent in events)
        {
            _rows.Append(appender.CreateRow(), decisionEvent, now);
        }
    }

    /// <summary>
    /// Returns the events without later copies of an id within the batch; the first copy is kept. A later copy with
    /// other content is counted as a conflict.
    /// </summary>
    private static List<DecisionEvent> FirstCopies(
        IReadOnlyList<DecisionEvent> events, out long conflicts, out string? firstConflict)
    {
        conflicts = 0;
        firstConflict = null;
        var seen = new Dictionary<string, DecisionEvent>(events.Count, StringComparer.Ordinal);
        var firstCopies = new List<DecisionEvent>(events.Count);
        foreach (var decisionEvent in events)
        {
            if (seen.TryAdd(decisionEvent.EventId, decisionEvent))
            {
                firstCopies.Add(decisionEvent);
            }
            else if (!SameContent(seen[decisionEvent.EventId], decisionEvent))
            {
                conflicts++;
                firstConflict ??= decisionEvent.EventId;
            }
        }

        return firstCopies;
    }

    private static bool SameContent(DecisionEvent first, DecisionEvent later) =>
        !first.RawUtf8.IsEmpty && !later.RawUtf8.IsEmpty
            ? first.RawUtf8.Span.SequenceEqual(later.RawUtf8.Span)
            : string.Equals(first.Raw, later.Raw, StringComparison.Ordinal);

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
