using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Forensics;

/// <summary>Chooses a timeline bucket width that gives a readable number of buckets for a time span.</summary>
public static class BucketWidth
{
    private const int MaxBuckets = 240;

    private static readonly TimeSpan[] Candidates =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15),
        TimeSpan.FromHours(1),
        TimeSpan.FromHours(6),
        TimeSpan.FromDays(1),
        TimeSpan.FromDays(7),
    ];

    /// <summary>Returns the width for the time span of a store's events; a store without events gets the smallest.</summary>
    public static TimeSpan For(StoreSummary summary) =>
        For(summary.FirstEvent is { } first && summary.LastEvent is { } last ? last - first : TimeSpan.Zero);

    /// <summary>Returns the smallest candidate width that splits the span into at most 240 buckets.</summary>
    public static TimeSpan For(TimeSpan span) =>
        Candidates.FirstOrDefault(width => span.Ticks / width.Ticks < MaxBuckets, Candidates[^1]);

    /// <summary>Returns the start of the bucket that contains <paramref name="time"/>, aligned to the Unix epoch.</summary>
    public static DateTime Floor(DateTime time, TimeSpan width)
    {
        var sinceEpoch = time.Ticks - DateTime.UnixEpoch.Ticks;
        return new DateTime(time.Ticks - (((sinceEpoch % width.Ticks) + width.Ticks) % width.Ticks), DateTimeKind.Utc);
    }
}
