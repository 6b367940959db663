using System.Text.Json;
using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>The readers of numbers, lists and maps of <see cref="EventJsonParser"/>.</summary>
public sealed partial class EventJsonParser
{
    private static string? ReadInt32(ref Utf8JsonReader reader, EventField field, out int? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(field, "an integer", reader.TokenType);
        }

        if (!reader.TryGetInt32(out var number))
        {
            return $"field \"{EventFieldNames.NameOf(field)}\" must be an integer, not {reader.GetDouble()}";
        }

        value = number;
        return null;
    }

    private static string? ReadInt64(ref Utf8JsonReader reader, EventField field, out long? value)
    {
        value = null;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(field, "an integer", reader.TokenType);
        }

        if (!reader.TryGetInt64(out var number))
        {
            return $"field \"{EventFieldNames.NameOf(field)}\" must be an integer, not {reader.GetDouble()}";
        }

        value = number;
        return null;
    }

    private string? ReadStringList(ref Utf8JsonReader reader, EventField field, out IReadOnlyList<string> values)
    {
        values = [];
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return WrongType(field, "an array of strings", reader.TokenType);
        }

        List<string>? list = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return $"field \"{EventFieldNames.NameOf(field)}\" must be an array of strings, "
                    + $"but holds {Describe(reader.TokenType)}";
            }

            list ??= new List<string>(2);
            list.Add(reader.ValueIsEscaped ? reader.GetString()! : _strings.GetOrAdd(reader.ValueSpan));
        }

        values = list ?? (IReadOnlyList<string>)[];
        return null;
    }

    private string? ReadLabels(ref Utf8JsonReader reader, DecisionEvent e)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(EventField.Labels, "an object of strings", reader.TokenType);
        }

        Dictionary<string, string>? labels = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = ReadName(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return $"field \"labels\" must be an object of strings, but \"{name}\" is {Describe(reader.TokenType)}";
            }

            labels ??= new Dictionary<string, string>(StringComparer.Ordinal);
            labels[name] = reader.ValueIsEscaped ? reader.GetString()! : _strings.GetOrAdd(reader.ValueSpan);
        }

        if (labels is not null)
        {
            e.Labels = labels;
        }

        return null;
    }

    private string? ReadScores(ref Utf8JsonReader reader, DecisionEvent e)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(EventField.Scores, "an object of numbers", reader.TokenType);
        }

        Dictionary<string, double>? scores = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = ReadName(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if (reader.TokenType != JsonTokenType.Number)
            {
                return $"field \"scores\" must be an object of numbers, but \"{name}\" is {Describe(reader.TokenType)}";
            }

            scores ??= new Dictionary<string, double>(StringComparer.Ordinal);
            scores[name] = reader.GetDouble();
        }

        if (scores is not null)
        {
            e.Scores = scores;
        }

        return null;
    }

    private static string? ReadAttributes(ref Utf8JsonReader reader, ref RecordState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return WrongType(EventField.Attributes, "an object", reader.TokenType);
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        state.Attributes = start..(int)reader.BytesConsumed;
        return null;
    }

    private string ReadName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? reader.GetString()! : _strings.GetOrAdd(reader.ValueSpan);
}
