using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Reports;
using PolicyLoop.Storage;
using Spectre.Console;

namespace PolicyLoop.Cli.Commands;

/// <summary><c>policyloop summary</c>: events per source, decision, rule and day.</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("summary", "Count stored events per source, decision, rule and day.") { store, json };
        command.SetAction(parsed => Run(parsed.GetValue(store)!, parsed.GetValue(json)));
        return command;
    }

    private static int Run(string storePath, bool json)
    {
        if (!File.Exists(storePath))
        {
            throw new UsageException($"store not found: {storePath}; run 'policyloop ingest LOG' first or pass --store");
        }

        using var store = DuckDbEventStore.Open(storePath, readOnly: true);
        var summary = store.Summarize();
        if (json)
        {
            WriteJson(summary);
        }
        else
        {
            WriteTables(summary);
        }

        return ExitCodes.Success;
    }

    private static void WriteTables(StoreSummary summary)
    {
        var span = summary.FirstEvent is { } first && summary.LastEvent is { } last
            ? $" from {first:yyyy-MM-dd HH:mm:ss} to {last:yyyy-MM-dd HH:mm:ss} UTC"
            : "";
        Console.WriteLine($"{ReportFormat.Count(summary.Events, "event")}{span}; {ReportFormat.Count(summary.Quarantined)} quarantined records");
        WriteTable("source", summary.BySource);
        WriteTable("decision", summary.ByDecision);
        WriteTable("rule", summary.ByRule);
        WriteTable("day", summary.ByDay);
    }

    private static void WriteTable(string keyName, IReadOnlyList<CountRow> rows)
    {
        var table = new Table().AddColumns(keyName, "events", "rejects", "reject rate");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var row in rows)
        {
            var rate = row.Events == 0 ? 0 : (double)row.Rejects / row.Events;
            table.AddRow(
                Markup.Escape(SafeText.ForDisplay(row.Key, 80)),
                ReportFormat.Count(row.Events),
                ReportFormat.Count(row.Rejects),
                rate.ToString("P2", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
    }

    private static void WriteJson(StoreSummary summary)
    {
        using var stream = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("events", summary.Events);
        writer.WriteNumber("quarantined", summary.Quarantined);
        WriteTime(writer, "first_event", summary.FirstEvent);
        WriteTime(writer, "last_event", summary.LastEvent);
        WriteRows(writer, "by_source", summary.BySource);
        WriteRows(writer, "by_decision", summary.ByDecision);
        WriteRows(writer, "by_rule", summary.ByRule);
        WriteRows(writer, "by_day", summary.ByDay);
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, DateTime.SpecifyKind(time, DateTimeKind.Utc));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteRows(Utf8JsonWriter writer, string name, IReadOnlyList<CountRow> rows)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            writer.WriteString("key", row.Key);
            writer.WriteNumber("events", row.Events);
            writer.WriteNumber("rejects", row.Rejects);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
