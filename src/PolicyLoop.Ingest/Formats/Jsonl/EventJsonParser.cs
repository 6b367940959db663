using System.Buffers;
using System.Text;
using System.Text.Json;
using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// Reads JSON lines in the canonical event record shape: one object per line whose snake_case
/// fields are those of <see cref="DecisionEvent"/> (<c>event_id</c>, <c>time</c>, <c>source</c>,
/// <c>decision</c>, ... <c>attributes</c>). Fields the shape does not define are kept in the
/// attributes, beside the members of an <c>attributes</c> object. A missing <c>event_id</c> gets
/// the input hash and byte offset, a missing <c>source</c> is <c>jsonl</c>, a missing decision is
/// <c>unknown</c> and a missing mode is <c>enforce</c>. A missing or invalid <c>time</c>, a value
/// of the wrong JSON type, or text that is not one JSON object is a failure naming the field.
/// It reads the UTF-8 bytes directly and reuses strings of repeated short values, so one
/// instance must serve one thread only.
/// </summary>
public sealed partial class EventJsonParser : IUtf8RecordParser
{
    private readonly Utf8StringCache _strings = new();
    private readonly Utf8StringCache _addresses = new();
    private readonly List<(string Name, Range Value)> _unknownFields = [];
    private readonly ArrayBufferWriter<byte> _attributesBuffer = new(512);

    public string Format => LogFormat.Jsonl;

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input)
    {
        var outcome = Parse(record, input);
        if (outcome.Event is { } decisionEvent)
        {
            decisionEvent.Raw = text;
        }

        return outcome;
    }

    public ParseOutcome Parse(in RawRecord record, InputIdentity input)
    {
        try
        {
            return ParseObject(record.Bytes.Span, record, input);
        }
        catch (JsonException ex)
        {
            return ParseOutcome.Failure($"invalid JSON: {ex.Message}");
        }
    }

    private ParseOutcome ParseObject(ReadOnlySpan<byte> bytes, in RawRecord record, InputIdentity input)
    {
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ParseOutcome.Failure("not a JSON object: each line of a jsonl log must be one event object");
        }

        var decisionEvent = new DecisionEvent { EventId = "", Source = LogFormat.Jsonl };
        var state = new RecordState();
        _unknownFields.Clear();
        var previous = (EventField)(-1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = FindField(ref reader, previous);
            var name = field == EventField.Unknown ? reader.GetString()! : null;
            reader.Read();
            var error = field == EventField.Unknown
                ? KeepUnknown(ref reader, name!)
                : ReadField(ref reader, field, decisionEvent, ref state);
            if (error is not null)
            {
                return ParseOutcome.Failure(error);
            }

            previous = field;
        }

        // A second value after the object makes the reader throw; only whitespace may follow.
        reader.Read();
        return Complete(bytes, decisionEvent, state, record, input);
    }

    private ParseOutcome Complete(
        ReadOnlySpan<byte> bytes,
        DecisionEvent decisionEvent,
        in RecordState state,
        in RawRecord record,
        InputIdentity input)
    {
        if (!state.HasTime)
        {
            return ParseOutcome.Failure(
                "missing field \"time\": every event needs its decision time; for logs of another shape pass --mapping FILE");
        }

        if (decisionEvent.EventId.Length == 0)
        {
            decisionEvent.EventId = input.EventIdAt(record.Location.ByteOffset);
        }

        decisionEvent.Attributes = BuildAttributes(bytes, state.Attributes);
        return ParseOutcome.Success(decisionEvent);
    }

    private static EventField FindField(ref Utf8JsonReader reader, EventField previous)
    {
        if (!reader.ValueIsEscaped)
        {
            return EventFieldNames.Find(reader.ValueSpan, previous);
        }

        var name = Encoding.UTF8.GetBytes(reader.GetString()!);
        return EventFieldNames.Find(name, previous);
    }

    private string? KeepUnknown(ref Utf8JsonReader reader, string name)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        _unknownFields.Add((name, start..end));
        return null;
    }

    private string? BuildAttributes(ReadOnlySpan<byte> bytes, Range? attributes)
    {
        if (_unknownFields.Count == 0)
        {
            return attributes is { } range ? Encoding.UTF8.GetString(bytes[range]) : null;
        }

        _attributesBuffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_attributesBuffer))
        {
            writer.WriteStartObject();
            if (attributes is { } range)
            {
                CopyMembers(bytes[range], writer);
            }

            // NOTE: an unknown top-level field with the name of an attributes member is written as a second member.
            foreach (var (name, value) in _unknownFields)
            {
                writer.WritePropertyName(name);
                writer.WriteRawValue(bytes[value], skipInputValidation: true);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(_attributesBuffer.WrittenSpan);
    }

    private static void CopyMembers(ReadOnlySpan<byte> objectJson, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(objectJson);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            writer.WritePropertyName(reader.GetString()!);
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            writer.WriteRawValue(objectJson[start..(int)reader.BytesConsumed], skipInputValidation: true);
        }
    }

    /// <summary>What the field loop learns besides the event's own properties.</summary>
    private struct RecordState
    {
        public bool HasTime;
        public Range? Attributes;
    }
}
