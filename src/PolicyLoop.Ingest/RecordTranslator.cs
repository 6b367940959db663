using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using PolicyLoop.Core;

namespace PolicyLoop.Ingest;

/// <summary>Turns raw records into events or quarantined records, checking UTF-8 before parsing.</summary>
internal sealed class RecordTranslator(IRecordParser parser, InputIdentity identity, int rawCapBytes)
{
    /// <summary>
    /// Event times outside [1990, 2100) are quarantined: they come from a wrong field (an epoch of 0, a counter) or a
    /// broken clock, and would stretch every chart and baseline. Fixed bounds keep re-ingestion deterministic.
    /// </summary>
    internal static readonly DateTime EarliestTime = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static readonly DateTime LatestTime = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly IUtf8RecordParser? _utf8Parser = parser as IUtf8RecordParser;

    public void Translate(in RawRecord record, Batch batch, FileIngestReport report)
    {
        identity.BeginRecord(record.Bytes.Span, record.Length, record.Location.ByteOffset);
        if (record.Problem is { } problem)
        {
            batch.Quarantined.Add(Quarantine(record, problem));
            return;
        }

        var bytes = record.Bytes.Span;
        var invalidAt = FindInvalidUtf8(bytes);
        if (invalidAt >= 0)
        {
            var reason = $"invalid UTF-8 at byte {invalidAt} of the record; re-encode the log as UTF-8";
            batch.Quarantined.Add(Quarantine(record, reason));
            return;
        }

        var outcome = Parse(record, bytes);
        if (outcome.Event?.Attributes is { } attributes && UnreadableJson(attributes) is { } attributesError)
        {
            outcome = ParseOutcome.Failure($"{attributesError} (in a field kept in attributes)");
        }

        if (outcome.Event is { Time: var time } && (time < EarliestTime || time >= LatestTime))
        {
            // The round-trip format keeps the fraction, so a time just outside the range does not read as inside it.
            var reason = $"implausible event time {time.ToString("O", CultureInfo.InvariantCulture)}: times before {EarliestTime:yyyy} or from "
                + $"{LatestTime:yyyy} on are taken as a wrong time field or clock; map the right field with --mapping, "
                + "or fix the clock of the source";
            batch.Quarantined.Add(Quarantine(record, reason));
            return;
        }

        if (outcome.Event is { } decisionEvent)
        {
            if (_utf8Parser is not null)
            {
                decisionEvent.RawUtf8 = batch.RawText.Copy(bytes);
            }

            decisionEvent.Location ??= record.Location;
            batch.Events.Add(decisionEvent);
            if (decisionEvent.Lenient)
            {
                report.Lenient++;
            }
        }
        else
        {
            batch.Quarantined.Add(Quarantine(record, outcome.Error ?? "the parser rejected the record"));
        }
    }

    private ParseOutcome Parse(in RawRecord record, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return _utf8Parser is null
                ? parser.Parse(record, Encoding.UTF8.GetString(bytes), identity)
                : _utf8Parser.Parse(record, identity);
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.Module.Assembly == typeof(JsonException).Assembly)
        {
            // System.Text.Json raises this, not JsonException, for valid JSON whose content cannot be read, such as
            // a string escaping half of a UTF-16 surrogate pair ("\ud800" alone). Every parser reaches it here.
            return ParseOutcome.Failure(UnreadableReason(ex));
        }
    }

    /// <summary>
    /// The reason the JSON text cannot be read back, or null when it can. Fields a parser does not map are kept as JSON
    /// text in attributes and parsed only when a rule reads them. A string there that escapes half a surrogate pair
    /// would make every such rule fail later, so the record is quarantined now instead.
    /// </summary>
    private static string? UnreadableJson(string json)
    {
        // Only a \u escape can encode half a surrogate pair, and most records have none.
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }

            return null;
        }
        catch (InvalidOperationException ex)
        {
            return UnreadableReason(ex);
        }
        catch (JsonException ex)
        {
            return $"invalid JSON in attributes: {ex.Message}";
        }
    }

    private static string UnreadableReason(InvalidOperationException ex)
    {
        var hint = ex.Message.Contains("UTF-16", StringComparison.Ordinal)
            ? "; a \\u escape encodes half of a surrogate pair, so escape both halves or write the character itself"
            : "";
        return $"unreadable JSON value: {ex.Message}{hint}";
    }

    private QuarantinedRecord Quarantine(in RawRecord record, string reason)
    {
        var bytes = record.Bytes.Span;
        var kept = bytes.Length > rawCapBytes ? bytes[..rawCapBytes] : bytes;
        var valid = FindInvalidUtf8(kept) < 0;
        return new QuarantinedRecord(
            Id: identity.EventIdAt(record.Location.ByteOffset),
            Location: record.Location,
            Format: parser.Format,
            Reason: reason,
            RawText: Encoding.UTF8.GetString(kept),
            RawTruncated: record.Length > kept.Length,
            RawBase64: valid ? null : Convert.ToBase64String(kept));
    }

    /// <summary>Returns the offset of the first byte that is not valid UTF-8, or -1.</summary>
    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }

        var offset = 0;
        Span<char> scratch = stackalloc char[512];
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status == OperationStatus.InvalidData)
            {
                return offset;
            }

            if (status == OperationStatus.Done)
            {
                break;
            }
        }

        // A sequence cut off at the end of a truncated raw head is the only way to get here.
        return offset;
    }
}
