using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Review;

/// <summary>
/// Writes a batch as CSV or JSON lines: one row per sampled event with the fields a reviewer
/// needs and its current label, so labels can be made in a spreadsheet and imported again.
/// </summary>
internal static class ReviewExport
{
    /// <summary>The exported columns; import reads event_id, label, reviewer and note and ignores the rest.</summary>
    public static readonly string[] Columns =
    [
        "event_id", "batch", "position", "time", "rule_id", "policy_id", "policy_version", "stratum",
        "inclusion_probability", "logged_decision", "client_ip", "method", "host", "path", "query", "status", "user_agent",
        "label", "reviewer", "note",
    ];

    public static void Write(DuckDbEventStore store, string batch, string format, TextWriter output)
    {
        var samples = store.ReadSamples(batch);
        var labels = store.ReadReviewedEvents(batch).ToDictionary(r => r.Label.EventId, r => r.Label, StringComparer.Ordinal);
        var events = LoadEvents(store, samples.Select(s => s.EventId));
        var rows = samples.Select(s => Row(s, events.GetValueOrDefault(s.EventId), labels.GetValueOrDefault(s.EventId)));
        if (format == "jsonl")
        {
            WriteJsonLines(rows, output);
            return;
        }

        output.Write(string.Join(',', Columns) + "\r\n");
        foreach (var row in rows)
        {
            output.Write(string.Join(',', row.Select(CsvCells.Write)) + "\r\n");
        }
    }

    /// <summary>Reads the stored events with the given ids.</summary>
    public static Dictionary<string, DecisionEvent> LoadEvents(DuckDbEventStore store, IEnumerable<string> ids)
    {
        var requested = ids.ToHashSet(StringComparer.Ordinal);
        return store.ReadEvents(new EventQuery())
            .Where(e => requested.Contains(e.EventId))
            .ToDictionary(e => e.EventId, StringComparer.Ordinal);
    }

    private static string?[] Row(SampledEvent sample, DecisionEvent? e, LabelRecord? label) =>
    [
        sample.EventId, sample.Batch, sample.Position.ToString(CultureInfo.InvariantCulture),
        e?.Time.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), sample.RuleId, sample.PolicyId,
        sample.PolicyVersion, sample.Stratum, sample.InclusionProbability?.ToString("R", CultureInfo.InvariantCulture),
        e?.Decision.ToName(), e?.ClientIp, e?.Method, e?.Host, e?.Path, e?.Query,
        e?.Status?.ToString(CultureInfo.InvariantCulture), e?.UserAgent, label?.Label.ToName(), label?.Reviewer, label?.Note,
    ];

    private static void WriteJsonLines(IEnumerable<string?[]> rows, TextWriter output)
    {
        using var buffer = new MemoryStream();
        foreach (var row in rows)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Length; i++)
                {
                    json.WriteString(Columns[i], row[i]);
                }

                json.WriteEndObject();
            }

            output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n");
        }
    }
}
