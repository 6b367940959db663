using System.Data.Common;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Storage;

/// <summary>Turns ordered bucket rows into gap-free series, one per scope.</summary>
internal static class RateSeriesReader
{
    /// <summary>
    /// Reads rows of (source, policy_id, rule_id, bucket_start, total, rejects, segment) ordered by
    /// scope and time, and fills every missing bucket up to <paramref name="lastBucket"/> with zeros.
    /// </summary>
    public static IReadOnlyList<RateSeries> Read(
        DbCommand command, ScopeLevel level, Segment segment, TimeSpan width, DateTime lastBucket)
    {
        using var reader = command.ExecuteReader();
        var result = new List<RateSeries>();
        ScopeKey? scope = null;
        var points = new List<RatePoint>();
        while (reader.Read())
        {
            var key = new ScopeKey(level, reader.GetString(0), reader.GetString(1), reader.GetString(2), segment, reader.GetString(6));
            if (key != scope)
            {
                Flush(result, scope, width, points, lastBucket);
                scope = key;
                points = [];
            }

            var point = new RatePoint(reader.GetDateTime(3), reader.GetInt64(4), reader.GetInt64(5));
            FillGap(points, width, point.BucketStart);
            points.Add(point);
        }

        Flush(result, scope, width, points, lastBucket);
        return result;
    }

    private static void Flush(List<RateSeries> result, ScopeKey? scope, TimeSpan width, List<RatePoint> points, DateTime last)
    {
        if (scope is null)
        {
            return;
        }

        FillGap(points, width, last + width);
        result.Add(new RateSeries(scope, width, points));
    }

    private static void FillGap(List<RatePoint> points, TimeSpan width, DateTime before)
    {
        if (points.Count == 0)
        {
            return;
        }

        for (var next = points[^1].BucketStart + width; next < before; next += width)
        {
            points.Add(new RatePoint(next, 0, 0));
        }
    }
}
