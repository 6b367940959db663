using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Ingest;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli;

/// <summary>The polling loop of <c>policyloop watch</c>.</summary>
internal static class WatchLoop
{
    public static async Task RunAsync(WatchSettings settings, WatchSinks sinks, bool once, CancellationToken cancel)
    {
        var followed = settings.Follow.Select(path => new FollowedFile(path)).ToArray();
        while (!cancel.IsCancellationRequested)
        {
            await PollAsync(settings, followed, sinks, cancel);
            if (once)
            {
                return;
            }

            await Task.Delay(settings.Interval, cancel).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task PollAsync(
        WatchSettings settings, FollowedFile[] followed, WatchSinks sinks, CancellationToken cancel)
    {
        using var store = followed.Length > 0
            ? DuckDbEventStore.Open(settings.StorePath)
            : DetectionRun.OpenExisting(settings.StorePath);
        await IngestAppendedAsync(store, followed, cancel);

        var result = DetectionRun.Scan(store, settings.Level, settings.Bucket, settings.Detector, settings.Segment);
        var last = result.Baselines.Select(b => b.Current.BucketStart).DefaultIfEmpty(DateTime.MinValue).Max();
        var sent = store.ReadSentAlertIds();
        foreach (var alert in result.Alerts.Where(a => a.BucketStart >= last - settings.Backfill && !sent.Contains(a.Id)))
        {
            await sinks.SendAsync(alert, cancel);
            store.RecordSentAlert(
                alert.Id, alert.Scope.ToString(), alert.Detector, AlertJson.KindName(alert.Kind), alert.BucketStart, AlertJson.ToLine(alert));
        }
    }

    /// <summary>
    /// Ingests the complete lines appended to each followed file since the last poll. A file that
    /// could not be read keeps its offset, so the next poll tries the same bytes again.
    /// </summary>
    private static async Task IngestAppendedAsync(DuckDbEventStore store, FollowedFile[] followed, CancellationToken cancel)
    {
        var segments = new List<(FollowedFile File, FollowedSegment Segment)>();
        foreach (var file in followed)
        {
            if (file.Next(out var note) is { } segment)
            {
                segments.Add((file, segment));
            }

            if (note is not null)
            {
                await Console.Error.WriteLineAsync($"note: {note}");
            }
        }

        if (segments.Count == 0)
        {
            return;
        }

        var reports = await IngestExecution.RunInputsAsync(store, segments.Select(s => s.Segment.Input).ToArray(), new IngestOptions(), json: true, cancel);
        for (var i = 0; i < segments.Count; i++)
        {
            if (reports[i].Error is { } error)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
                continue;
            }

            segments[i].File.Advance(segments[i].Segment);
        }
    }
}
