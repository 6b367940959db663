using System.CommandLine;
using System.Globalization;
using PolicyLoop.Analysis.Anomalies;
using Spectre.Console;

namespace PolicyLoop.Cli.Commands;

/// <summary><c>policyloop alerts</c>: the anomalies in the stored history.</summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON object per alert and line." };
        var since = new Option<string?>("--since")
        {
            Description = "Only alerts from this time on: an ISO 8601 time (UTC unless it has an offset), "
                + "or a duration such as 24h before the last stored bucket.",
        };
        var detection = new DetectionOptions();
        var command = new Command("alerts", "Run the anomaly detectors over the stored history and list the alerts.") { store, json, since };
        detection.AddTo(command);
        command.SetAction(parsed =>
        {
            using var opened = DetectionRun.OpenExisting(parsed.GetValue(store)!);
            var bucket = detection.ParseBucket(parsed);
            var result = DetectionRun.Scan(opened, detection.ParseScope(parsed), bucket, detection.DetectorSettings(parsed), detection.ParseSegment(parsed));
            var from = ParseSince(parsed.GetValue(since), result);
            var alerts = result.Alerts.Where(a => a.BucketStart >= from).ToList();
            if (parsed.GetValue(json))
            {
                alerts.ForEach(a => Console.WriteLine(AlertJson.ToLine(a)));
            }
            else
            {
                WriteTable(alerts);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static DateTime ParseSince(string? text, ScanResult result)
    {
        var since = TimeBound.Parse(text, "--since", () => LastBucket(result), "the last stored bucket");
        return since ?? DateTime.MinValue;
    }

    private static DateTime? LastBucket(ScanResult result) =>
        result.Baselines.Count == 0 ? null : result.Baselines.Max(b => b.Current.BucketStart);

    private static void WriteTable(List<Anomaly> alerts)
    {
        Console.WriteLine($"{alerts.Count} alerts");
        if (alerts.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumns("bucket", "scope", "detector", "kind", "observed", "expected", "band", "events", "reason");
        foreach (var alert in alerts)
        {
            table.AddRow(
                alert.BucketStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(alert.Scope.ToString()),
                alert.Detector,
                AlertJson.KindName(alert.Kind),
                Percent(alert.Observed),
                Percent(alert.Expected),
                $"{Percent(alert.Lower)} - {Percent(alert.Upper)}",
                alert.Total.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(alert.Reason));
        }

        AnsiConsole.Write(table);
    }

    private static string Percent(double rate) => rate.ToString("P2", CultureInfo.InvariantCulture);
}
