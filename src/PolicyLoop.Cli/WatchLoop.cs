using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Ingest;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli;

/// <summary>The polling loop of <c>policyloop watch</c>.</summary>
internal static class WatchLoop
{
    public static async Task RunAsync(WatchSettings settings, WatchSinks sinks, bool once, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            await PollAsync(settings, sinks, cancel);
            if (once)
            {
                return;
            }

            await Task.Delay(settings.Interval, cancel).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task PollAsync(WatchSettings settings, WatchSinks sinks, CancellationToken cancel)
    {
        using var store = settings.Follow.Count > 0
            ? DuckDbEventStore.Open(settings.StorePath)
            : DetectionRun.OpenExisting(settings.StorePath);
        if (settings.Follow.Count > 0)
        {
            // Re-reading a whole file is idempotent because events are keyed by id.
            // NOTE: each poll reads every followed file from the start, so the cost grows with the file.
            await IngestExecution.RunAsync(store, settings.Follow, new IngestOptions(), json: true, cancel);
        }


        var result = DetectionRun.Scan(store, settings.Level, settings.Bucket, settings.Detector);
        var last = result.Baselines.Select(b => b.Current.BucketStart).DefaultIfEmpty(DateTime.MinValue).Max();
        var sent = store.ReadSentAlertIds();
        foreach (var alert in result.Alerts.Where(a => a.BucketStart >= last - settings.Backfill && !sent.Contains(a.Id)))
        {
            await sinks.SendAsync(alert, cancel);
            store.RecordSentAlert(
                alert.Id, alert.Scope.ToString(), alert.Detector, AlertJson.KindName(alert.Kind), alert.BucketStart, AlertJson.ToLine(alert));
        }
    }
}
