using System.Globalization;
using DuckDB.NET.Data;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Storage;

/// <summary>
/// Per-bucket counts for baselines. Buckets are recomputed from the events table, only for the
/// buckets that received events ingested after the level's watermark. Rule rows store only that
/// rule's rejects; a rule's total comes from its policy's bucket when the series is read.
/// </summary>
public sealed partial class DuckDbEventStore : IBaselineStore
{
    /// <inheritdoc />
    public long UpdateBaselines(ScopeLevel level, TimeSpan bucketWidth, Segment segment = Segment.None)
    {
        var seconds = BucketSeconds(bucketWidth);
        var updated = 0L;
        foreach (var stored in level == ScopeLevel.Rule ? [ScopeLevel.Policy, ScopeLevel.Rule] : new[] { level })
        {
            updated += UpdateLevel(stored, segment, seconds);
        }

        return updated;
    }

    /// <inheritdoc />
    public IReadOnlyList<RateSeries> ReadRateSeries(ScopeLevel level, TimeSpan bucketWidth, Segment segment = Segment.None)
    {
        var seconds = BucketSeconds(bucketWidth);
        var parent = level == ScopeLevel.Rule ? ScopeLevel.Policy : level;
        using var command = Command(level == ScopeLevel.Rule ? BaselineSql.ReadRules : BaselineSql.ReadLevel);
        command.Parameters.Add(new DuckDBParameter("level", LevelName(parent, segment)));
        command.Parameters.Add(new DuckDBParameter("seconds", seconds));
        if (level == ScopeLevel.Rule)
        {
            command.Parameters.Add(new DuckDBParameter("rules", LevelName(ScopeLevel.Rule, segment)));
        }

        var last = ReadLastBucket(LevelName(parent, segment), seconds);
        return last is { } end ? RateSeriesReader.Read(command, level, segment, bucketWidth, end) : [];
    }

    private long UpdateLevel(ScopeLevel level, Segment segment, int seconds)
    {
        var name = LevelName(level, segment);
        using var transaction = _connection.BeginTransaction();
        var watermark = ReadWatermark(name, seconds);
        using var newest = Command("SELECT max(ingested_at) FROM events");
        if (newest.ExecuteScalar() is not DateTime through || (watermark is { } mark && through <= mark))
        {
            return 0;
        }

        var bucket = string.Create(CultureInfo.InvariantCulture, $"time_bucket(INTERVAL {seconds} SECOND, time)");
        using var affected = Command($"""
            CREATE OR REPLACE TEMP TABLE affected_buckets AS
            SELECT DISTINCT {bucket} AS bucket_start FROM events WHERE $mark IS NULL OR ingested_at > $mark
            """);
        affected.Parameters.Add(new DuckDBParameter("mark", watermark));
        affected.ExecuteNonQuery();

        var recomputed = RecomputeAffected(name, seconds, bucket, level, segment);
        WriteWatermark(name, seconds, through);
        transaction.Commit();
        return recomputed;
    }

    private long RecomputeAffected(string level, int seconds, string bucket, ScopeLevel scope, Segment segment)
    {
        using var delete = Command("""
            DELETE FROM baseline_buckets
            WHERE scope_level = $level AND bucket_seconds = $seconds
              AND bucket_start IN (SELECT bucket_start FROM affected_buckets)
            """);
        delete.Parameters.Add(new DuckDBParameter("level", level));
        delete.Parameters.Add(new DuckDBParameter("seconds", seconds));
        delete.ExecuteNonQuery();

        using var insert = Command(BaselineSql.Insert(scope, segment, bucket, RejectPredicate));
        insert.Parameters.Add(new DuckDBParameter("level", level));
        insert.Parameters.Add(new DuckDBParameter("seconds", seconds));
        return insert.ExecuteNonQuery();
    }

    private DateTime? ReadWatermark(string level, int seconds)
    {
        using var command = Command(
            "SELECT ingested_through FROM baseline_watermarks WHERE scope_level = $level AND bucket_seconds = $seconds");
        command.Parameters.Add(new DuckDBParameter("level", level));
        command.Parameters.Add(new DuckDBParameter("seconds", seconds));
        return command.ExecuteScalar() is DateTime mark ? mark : null;
    }

    private void WriteWatermark(string level, int seconds, DateTime through)
    {
        using var command = Command("INSERT OR REPLACE INTO baseline_watermarks VALUES ($level, $seconds, $through)");
        command.Parameters.Add(new DuckDBParameter("level", level));
        command.Parameters.Add(new DuckDBParameter("seconds", seconds));
        command.Parameters.Add(new DuckDBParameter("through", through));
        command.ExecuteNonQuery();
    }

    private DateTime? ReadLastBucket(string level, int seconds)
    {
        using var command = Command(
            "SELECT max(bucket_start) FROM baseline_buckets WHERE scope_level = $level AND bucket_seconds = $seconds");
        command.Parameters.Add(new DuckDBParameter("level", level));
        command.Parameters.Add(new DuckDBParameter("seconds", seconds));
        return command.ExecuteScalar() is DateTime last ? last : null;
    }

    /// <summary>The level's name in the tables, such as <c>rule</c>, or <c>rule/country</c> with a segment.</summary>
    private static string LevelName(ScopeLevel level, Segment segment) => segment == Segment.None
        ? level.ToString().ToLowerInvariant()
        : $"{level.ToString().ToLowerInvariant()}/{ScopeKey.SegmentName(segment)}";

    private static int BucketSeconds(TimeSpan width)
    {
        if (width < TimeSpan.FromSeconds(1) || width.Ticks % TimeSpan.TicksPerSecond != 0 || width > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "a bucket is whole seconds, from 1 second to 7 days");
        }

        return (int)width.TotalSeconds;
    }
}
