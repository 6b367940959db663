using System.Text.Json;
using PolicyLoop.Core.Review;

namespace PolicyLoop.Cli.Review;

/// <summary>
/// Reads labels from a CSV or JSON lines file and validates every row before any is stored, so
/// one run reports every problem with its line. A row needs an event id that was sampled into a
/// batch, a label name and a reviewer, from the row or the default. A row with an empty label is skipped.
/// </summary>
internal sealed class ReviewImport(IReadOnlyDictionary<string, SampledEvent> samples, string? defaultReviewer, DateTime now)
{
    private static readonly string[] RequiredColumns = ["event_id", "label"];

    public List<LabelRecord> Labels { get; } = [];

    public List<string> Errors { get; } = [];

    public int SkippedRows { get; private set; }

    /// <summary>The (batch, event id) pairs of every batch, to check a row's batch column against.</summary>
    public IReadOnlySet<(string Batch, string EventId)> Membership { get; init; } =
        new HashSet<(string Batch, string EventId)>();

    /// <summary>Rows read, with or without a label.</summary>
    public int Rows { get; private set; }

    public void Read(string path, TextReader reader)
    {
        var jsonLines = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in jsonLines ? JsonRows(reader) : CsvRows(reader))
        {
            if (row.Error is not null)
            {
                Errors.Add($"line {row.Line}: {row.Error}");
                continue;
            }

            Validate(row, seen);
        }
    }

    private void Validate(ImportRow row, Dictionary<string, int> seen)
    {
        Rows++;
        var eventId = Cell(row, "event_id");
        var labelText = Cell(row, "label");
        if (string.IsNullOrWhiteSpace(labelText))
        {
            SkippedRows++;
            return;
        }

        var problems = new List<string>();
        SampledEvent? sample = null;
        if (string.IsNullOrWhiteSpace(eventId))
        {
            problems.Add("the event_id is empty");
        }
        else if (!samples.TryGetValue(eventId, out sample))
        {
            problems.Add($"event {Shown(eventId)} is in no review batch; draw it with 'policyloop sample' first");
        }
        else if (seen.TryGetValue(eventId, out var earlier))
        {
            problems.Add($"event {Shown(eventId)} is labelled again (first on line {earlier}); keep one row per event");
        }
        else
        {
            seen[eventId] = row.Line;
        }

        var batch = Cell(row, "batch");
        if (sample is not null && !string.IsNullOrWhiteSpace(batch) && !Membership.Contains((batch, eventId!)))
        {
            problems.Add($"event {Shown(eventId!)} is not in batch {Shown(batch)}; correct the batch column or leave it empty");
        }

        if (!ReviewLabels.TryParse(labelText, out var label))
        {
            problems.Add($"unknown label {Shown(labelText)}; use {string.Join(", ", ReviewLabels.Names)}");
        }

        var reviewer = Cell(row, "reviewer");
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            reviewer = defaultReviewer;
        }

        if (string.IsNullOrWhiteSpace(reviewer))
        {
            problems.Add("the reviewer is empty; fill the reviewer column or pass --reviewer");
        }

        if (problems.Count > 0)
        {
            Errors.AddRange(problems.Select(p => $"line {row.Line}: {p}"));
            return;
        }

        var note = Cell(row, "note");
        Labels.Add(new LabelRecord(eventId!, sample!.Batch, label, reviewer!.Trim(), string.IsNullOrEmpty(note) ? null : note,
            sample.RuleId, sample.PolicyId, sample.PolicyVersion, now));
    }

    private static string? Cell(ImportRow row, string column) =>
        row.Cells.TryGetValue(column, out var value) ? CsvCells.Restore(value) : null;

    private static string Shown(string text) => "\"" + Reports.SafeText.ForDisplay(text, 80) + "\"";

    private IEnumerable<ImportRow> CsvRows(TextReader reader)
    {
        IReadOnlyList<string>? header = null;
        foreach (var record in CsvCells.Read(reader))
        {
            if (record.Error is not null)
            {
                yield return new ImportRow(record.Line, new Dictionary<string, string>(), record.Error);
                continue;
            }

            if (header is null)
            {
                header = [.. record.Cells.Select(c => c.Trim().ToLowerInvariant())];
                foreach (var required in RequiredColumns.Where(r => !header.Contains(r)))
                {
                    Errors.Add($"line {record.Line}: the header has no {required} column; the first row must name the columns");
                }

                continue;
            }

            if (record.Cells.Count != header.Count)
            {
                yield return new ImportRow(record.Line, new Dictionary<string, string>(),
                    $"the row has {record.Cells.Count} cells and the header {header.Count}; quote cells that contain commas");
                continue;
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                cells[header[i]] = record.Cells[i];
            }

            yield return new ImportRow(record.Line, cells, null);
        }
    }

    private static IEnumerable<ImportRow> JsonRows(TextReader reader)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return ParseJsonRow(line, text);
        }
    }

    private static ImportRow ParseJsonRow(int line, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new ImportRow(line, new Dictionary<string, string>(), "the line is not a JSON object");
            }

            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                cells[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => "",
                    _ => property.Value.GetRawText(),
                };
            }

            return new ImportRow(line, cells, null);
        }
        catch (JsonException ex)
        {
            return new ImportRow(line, new Dictionary<string, string>(), $"invalid JSON: {ex.Message}");
        }
    }
}
