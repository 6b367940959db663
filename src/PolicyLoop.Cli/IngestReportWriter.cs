using System.Text.Json;
using PolicyLoop.Ingest;
using PolicyLoop.Reports;
using Spectre.Console;

namespace PolicyLoop.Cli;

/// <summary>Prints the per-input ingest report as a table or as JSON.</summary>
internal static class IngestReportWriter
{
    public static void Write(IReadOnlyList<FileIngestReport> reports, string quarantinePath, bool json)
    {
        if (json)
        {
            WriteJson(reports, quarantinePath);
            return;
        }

        if (reports.Count == 0)
        {
            // Nothing was read (every input was missing or skipped): the errors say why, and an empty table adds noise.
            return;
        }

        var table = new Table().AddColumns("input", "format", "read", "stored", "duplicates", "quarantined", "blank");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var report in reports)
        {
            table.AddRow(
                Markup.Escape(SafeText.ForDisplay(report.Name, 200)),
                Markup.Escape(report.Format ?? "-"),
                ReportFormat.Count(report.Read),
                ReportFormat.Count(report.Stored),
                ReportFormat.Count(report.Duplicates),
                ReportFormat.Count(report.Quarantined),
                ReportFormat.Count(report.BlankLines));
        }

        AnsiConsole.Write(table);
        WriteNotes(reports, quarantinePath);
    }

    private static void WriteNotes(IReadOnlyList<FileIngestReport> reports, string quarantinePath)
    {
        foreach (var report in reports)
        {
            if (report.Lenient > 0)
            {
                var records = report.Lenient == 1 ? "record" : "records";
                Console.WriteLine($"{report.Name}: {ReportFormat.Count(report.Lenient)} {records} parsed leniently (marked in the store)");
            }

            if (report.Conflicts > 0)
            {
                Console.WriteLine(
                    $"{report.Name}: {ReportFormat.Count(report.Conflicts, "record")} reused an event id already taken by a "
                    + $"record with different content, such as {SafeText.ForDisplay(report.FirstConflictId ?? "?", 120)}; "
                    + "the first copy was kept. Make the source's ids unique, or map no id field so that ids come from content.");
            }

            foreach (var note in report.Notes)
            {
                Console.WriteLine($"{report.Name}: {note}");
            }

            if (report.Error is not null)
            {
                Console.Error.WriteLine($"error: {report.Error}");
            }
        }

        if (reports.Any(report => report.Quarantined > 0))
        {
            Console.WriteLine($"Quarantined records, with location and reason: {quarantinePath}");
        }
    }

    private static void WriteJson(IReadOnlyList<FileIngestReport> reports, string quarantinePath)
    {
        using var stream = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("quarantine_file", quarantinePath);
        writer.WriteStartArray("inputs");
        foreach (var report in reports)
        {
            writer.WriteStartObject();
            writer.WriteString("input", report.Name);
            writer.WriteString("format", report.Format);
            writer.WriteNumber("read", report.Read);
            writer.WriteNumber("stored", report.Stored);
            writer.WriteNumber("duplicates", report.Duplicates);
            writer.WriteNumber("conflicting_duplicates", report.Conflicts);
            writer.WriteNumber("quarantined", report.Quarantined);
            writer.WriteNumber("blank_lines", report.BlankLines);
            writer.WriteNumber("lenient", report.Lenient);
            writer.WriteString("error", report.Error);
            writer.WriteStartArray("notes");
            report.Notes.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }
}
