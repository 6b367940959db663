using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// Reads generic JSON lines through a <see cref="JsonMapping"/>: each mapped path fills its event
/// field, and the record's top-level fields that no single-name path consumes go to the attributes.
/// Decision mapping: the value at <c>decision.path</c> is looked up in <c>decision.values</c>, then
/// taken as a decision name, then <c>decision.default</c>; a present value that matches nothing is
/// quarantined when there is no default, and a missing value gives the default or <c>unknown</c>.
/// Mode is a constant, or a table read the same way. A mapped value of the wrong type quarantines
/// the record with a reason that names the field, the path and the value.
/// </summary>
public sealed class MappedJsonParser(JsonMapping mapping) : IRecordParser
{
    private readonly HashSet<string> _consumed = [.. mapping.Fields.Values
        .Concat(new[] { mapping.Decision?.Path, mapping.Mode?.Path }.OfType<JsonFieldPath>())
        .Where(path => path.IsTopLevel)
        .Select(path => path.Root)];

    public string Format => LogFormat.Jsonl;

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input)
    {
        if (!JsonRecord.TryParseObject(text, out var document, out var error))
        {
            return ParseOutcome.Failure(error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!TryReadTime(root, out var time, out error))
            {
                return ParseOutcome.Failure(error);
            }

            var decisionEvent = new DecisionEvent
            {
                EventId = input.EventIdAt(record.Location.ByteOffset),
                Time = time,
                Source = mapping.Source,
                Mode = mapping.ConstantMode,
                Raw = text,
                Location = record.Location,
            };
            error = ApplyDecision(root, decisionEvent) ?? ApplyFields(root, decisionEvent);
            return error is null ? ParseOutcome.Success(decisionEvent) : ParseOutcome.Failure(error);
        }
    }

    private bool TryReadTime(JsonElement root, out DateTime time, out string error)
    {
        time = default;
        error = "";
        var path = mapping.Fields["time"];
        if (path.Find(root) is not { } value)
        {
            error = $"missing timestamp: field time (path {path}) is absent";
            return false;
        }

        if (MappedTime.TryRead(value, mapping.TimeFormat, out time))
        {
            return true;
        }

        error = $"unparseable timestamp in field time (path {path}): {JsonTime.Shorten(value.GetRawText())} "
            + $"is not {MappedTime.Describe(mapping.TimeFormat)}";
        return false;
    }

    private string? ApplyDecision(JsonElement root, DecisionEvent target)
    {
        if (mapping.Decision is { } decision)
        {
            if (!decision.TryMap(root, DecisionNames.TryParseDecision, out var value, out var text))
            {
                return decision.DescribeMismatch("decision", text);
            }

            target.Decision = value;
        }

        if (mapping.Mode is { } mode)
        {
            if (!mode.TryMap(root, DecisionNames.TryParseMode, out var value, out var text))
            {
                return mode.DescribeMismatch("mode", text);
            }

            target.Mode = value;
        }

        return null;
    }

    private string? ApplyFields(JsonElement root, DecisionEvent target)
    {
        using var attributes = new AttributesWriter();
        foreach (var (name, path) in mapping.Fields)
        {
            if (name != "time" && path.Find(root) is { } value
                && MappedFieldWriter.Apply(name, value, target, attributes) is { } problem)
            {
                return $"field {name} (path {path}): {JsonTime.Shorten(value.GetRawText())} {problem}";
            }
        }

        attributes.AddUnmapped(root, _consumed);
        target.Attributes = attributes.ToJson();
        return null;
    }
}
