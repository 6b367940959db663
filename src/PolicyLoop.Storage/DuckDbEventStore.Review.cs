using System.Data.Common;
using DuckDB.NET.Data;
using PolicyLoop.Core.Review;

namespace PolicyLoop.Storage;

/// <summary>Review batches, sampled events and labels of <see cref="DuckDbEventStore"/>.</summary>
public sealed partial class DuckDbEventStore
{
    private const string SampleColumns =
        "s.batch, s.event_id, s.position, s.rule_id, s.policy_id, s.policy_version, s.stratum, s.inclusion_probability";

    private const string LabelColumns =
        "l.event_id, l.batch, l.label, l.reviewer, l.note, l.rule_id, l.policy_id, l.policy_version, l.labelled_at";

    /// <summary>Stores a new batch and its events in one transaction; false when the name is taken.</summary>
    public bool CreateBatch(ReviewBatch batch, IReadOnlyList<SampledEvent> events)
    {
        if (ReadBatch(batch.Name) is not null)
        {
            return false;
        }

        using var transaction = _connection.BeginTransaction();
        using (var command = Command("INSERT INTO review_batches VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"))
        {
            AddParameters(command, batch.Name, batch.Strategy, batch.Seed, batch.PolicyId, batch.PolicyVersion,
                batch.PolicyFile, batch.Arguments, batch.CreatedAt);
            command.ExecuteNonQuery();
        }

        foreach (var sampled in events)
        {
            using var command = Command("INSERT INTO review_samples VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
            AddParameters(command, sampled.Batch, sampled.EventId, sampled.Position, sampled.RuleId, sampled.PolicyId,
                sampled.PolicyVersion, sampled.Stratum, sampled.InclusionProbability);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Reads a batch by name; null when there is none.</summary>
    public ReviewBatch? ReadBatch(string name)
    {
        using var command = Command("""
            SELECT name, strategy, seed, policy_id, policy_version, policy_file, arguments, created_at
            FROM review_batches WHERE name = $1
            """);
        AddParameters(command, name);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new ReviewBatch(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<ulong>(2), Text(reader, 3),
            Text(reader, 4), Text(reader, 5), reader.GetString(6), Utc(reader, 7));
    }

    /// <summary>Reads the names of every batch, oldest first.</summary>
    public IReadOnlyList<string> ReadBatchNames()
    {
        using var command = Command("SELECT name FROM review_batches ORDER BY created_at, name");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Reads the events of a batch in the order they were drawn; every batch's, oldest batch first, when null.</summary>
    public IReadOnlyList<SampledEvent> ReadSamples(string? batch)
    {
        using var command = Command($"""
            SELECT {SampleColumns} FROM review_samples s JOIN review_batches b ON b.name = s.batch
            WHERE $1 IS NULL OR s.batch = $1
            ORDER BY b.created_at, s.batch, s.position
            """);
        AddParameters(command, batch);
        using var reader = command.ExecuteReader();
        var samples = new List<SampledEvent>();
        while (reader.Read())
        {
            samples.Add(ReadSample(reader, 0));
        }

        return samples;
    }

    /// <summary>
    /// Reads the ids of the events that a new batch must not draw: every event with a label and
    /// every event already in a batch.
    /// </summary>
    public IReadOnlySet<string> ReadSampledOrLabelledEventIds()
    {
        using var command = Command("SELECT event_id FROM review_samples UNION SELECT event_id FROM review_labels");
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Appends labels in one transaction; earlier labels of the same events become history.</summary>
    public void AddLabels(IReadOnlyList<LabelRecord> labels)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var label in labels)
        {
            using var command = Command("""
                INSERT INTO review_labels (event_id, batch, label, reviewer, note, rule_id, policy_id, policy_version, labelled_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """);
            AddParameters(command, label.EventId, label.Batch, label.Label.ToName(), label.Reviewer, label.Note,
                label.RuleId, label.PolicyId, label.PolicyVersion, label.LabelledAt);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// Reads the current label of every labelled event, with the sample it was drawn in (the
    /// earliest batch, when it is in several); <paramref name="batch"/> limits it to one batch.
    /// </summary>
    public IReadOnlyList<ReviewedEvent> ReadReviewedEvents(string? batch = null)
    {
        using var command = Command($"""
            WITH current AS (
                SELECT * FROM review_labels
                QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY labelled_at DESC, sequence DESC) = 1),
            first_sample AS (
                SELECT s.* FROM review_samples s JOIN review_batches b ON b.name = s.batch
                QUALIFY row_number() OVER (PARTITION BY s.event_id ORDER BY b.created_at, s.batch) = 1)
            SELECT {LabelColumns}, {SampleColumns}
            FROM current l LEFT JOIN first_sample s ON s.event_id = l.event_id
            WHERE $1 IS NULL OR s.batch = $1
            ORDER BY l.event_id
            """);
        AddParameters(command, batch);
        using var reader = command.ExecuteReader();
        var reviewed = new List<ReviewedEvent>();
        while (reader.Read())
        {
            var sample = reader.IsDBNull(9) ? null : ReadSample(reader, 9);
            reviewed.Add(new ReviewedEvent(ReadLabel(reader), sample));
        }

        return reviewed;
    }

    /// <summary>Reads every label an event has had, oldest first.</summary>
    public IReadOnlyList<LabelRecord> ReadLabelHistory(string eventId)
    {
        using var command = Command($"SELECT {LabelColumns} FROM review_labels l WHERE l.event_id = $1 ORDER BY l.labelled_at, l.sequence");
        AddParameters(command, eventId);
        using var reader = command.ExecuteReader();
        var labels = new List<LabelRecord>();
        while (reader.Read())
        {
            labels.Add(ReadLabel(reader));
        }

        return labels;
    }

    private static SampledEvent ReadSample(DbDataReader row, int first) => new(
        row.GetString(first),
        row.GetString(first + 1),
        row.GetInt32(first + 2),
        row.GetString(first + 3),
        Text(row, first + 4),
        Text(row, first + 5),
        row.GetString(first + 6),
        row.IsDBNull(first + 7) ? null : row.GetDouble(first + 7));

    private static LabelRecord ReadLabel(DbDataReader row)
    {
        // The store writes only known names, so an unknown one means the file was edited by hand.
        if (!ReviewLabels.TryParse(row.GetString(2), out var label))
        {
            throw new StoreException($"the store has an unknown review label '{row.GetString(2)}' for event {row.GetString(0)}");
        }

        return new LabelRecord(row.GetString(0), Text(row, 1), label, row.GetString(3), Text(row, 4), row.GetString(5),
            Text(row, 6), Text(row, 7), Utc(row, 8));
    }

    private static DateTime Utc(DbDataReader row, int column) => DateTime.SpecifyKind(row.GetDateTime(column), DateTimeKind.Utc);

    private static void AddParameters(DuckDBCommand command, params object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        }
    }
}
