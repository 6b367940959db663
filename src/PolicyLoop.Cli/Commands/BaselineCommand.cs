using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Reports;
using Spectre.Console;

namespace PolicyLoop.Cli.Commands;

/// <summary><c>policyloop baseline</c>: the current, expected and historical reject rate per scope.</summary>
internal static class BaselineCommand
{
    private const int HistoryBuckets = 48;

    public static Command Create()
    {
        var store = StoreOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the baselines as JSON." };
        var detection = new DetectionOptions();
        var command = new Command("baseline", "Show each scope's current reject rate beside its expected rate and band.") { store, json };
        detection.AddTo(command);
        command.SetAction(parsed =>
        {
            using var opened = DetectionRun.OpenExisting(parsed.GetValue(store)!);
            var bucket = detection.ParseBucket(parsed);
            var result = DetectionRun.Scan(opened, detection.ParseScope(parsed), bucket, detection.DetectorSettings(parsed), detection.ParseSegment(parsed));
            if (parsed.GetValue(json))
            {
                WriteJson(result.Baselines);
            }
            else
            {
                WriteTable(result.Baselines);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<ScopeBaseline> baselines)
    {
        if (baselines.Count == 0)
        {
            Console.WriteLine("no events in the store yet; run 'policyloop ingest LOG' first");
            return;
        }

        var table = new Table().AddColumns("scope", "bucket", "events", "rate", "expected", "band", $"last {HistoryBuckets} buckets");
        foreach (var baseline in baselines)
        {
            var history = baseline.Series.Points.TakeLast(HistoryBuckets).Select(p => p.Rate).ToArray();
            table.AddRow(
                Markup.Escape(SafeText.ForDisplay(baseline.Series.Scope.ToString(), 80)),
                baseline.Current.BucketStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                baseline.Current.Total.ToString("N0", CultureInfo.InvariantCulture),
                Percent(baseline.Current.Rate),
                Percent(baseline.Expected),
                double.IsNaN(baseline.Expected) ? "-" : $"{Percent(baseline.Lower)} - {Percent(baseline.Upper)}",
                Sparkline.Draw(history));
        }

        AnsiConsole.Write(table);
    }

    private static string Percent(double rate) =>
        double.IsNaN(rate) ? "-" : rate.ToString("P2", CultureInfo.InvariantCulture);

    private static void WriteJson(IReadOnlyList<ScopeBaseline> baselines)
    {
        using var stream = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var baseline in baselines)
            {
                WriteBaseline(writer, baseline);
            }

            writer.WriteEndArray();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteBaseline(Utf8JsonWriter writer, ScopeBaseline baseline)
    {
        writer.WriteStartObject();
        writer.WriteString("scope", baseline.Series.Scope.ToString());
        writer.WriteString("bucket_start", DateTime.SpecifyKind(baseline.Current.BucketStart, DateTimeKind.Utc));
        writer.WriteNumber("bucket_seconds", (long)baseline.Series.BucketWidth.TotalSeconds);
        writer.WriteNumber("events", baseline.Current.Total);
        writer.WriteNumber("rejects", baseline.Current.Rejects);
        writer.WriteNumber("rate", baseline.Current.Rate);
        if (double.IsNaN(baseline.Expected))
        {
            writer.WriteNull("expected_rate");
        }
        else
        {
            writer.WriteNumber("expected_rate", baseline.Expected);
            writer.WriteNumber("band_lower", baseline.Lower);
            writer.WriteNumber("band_upper", baseline.Upper);
        }

        writer.WriteStartArray("history");
        foreach (var point in baseline.Series.Points.TakeLast(HistoryBuckets))
        {
            writer.WriteNumberValue(Math.Round(point.Rate, 6));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
