using System.Collections.Frozen;
using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;
using PolicyLoop.Ingest.Formats.Jsonl;

namespace PolicyLoop.Ingest.Formats.Opa;

/// <summary>
/// Reads OPA decision log events: console JSON lines (<c>"msg":"Decision Log"</c>, type
/// <c>openpolicyagent.org/decision_logs</c>) and the elements of an HTTP upload body (a JSON array,
/// usually gzip-compressed, which the record reader splits into one record per element).
/// Decision mapping, in order: an <c>error</c> field gives <c>error</c>; a boolean <c>result</c>
/// gives <c>allow</c> for true and <c>deny</c> for false; an object result with a boolean
/// <c>allow</c> key decides by it, and a <c>deny</c> key that is true, a non-empty string or a
/// non-empty array gives <c>deny</c>; any other result, or none, gives <c>unknown</c>. All events
/// are in enforce mode. The rule id is <c>result.rule</c> and the reason <c>result.reason</c>
/// (or the <c>deny</c> messages), because OPA logs these only when the policy author returns them.
/// With a mapping file, its <c>decision</c> table decides the events that the rules above leave
/// <c>unknown</c>, reading its path from the whole event (such as <c>result.outcome</c>).
/// </summary>
/// <param name="decisionRule">The mapping file's decision table, or null.</param>
public sealed class OpaDecisionParser(ValueTable<Decision>? decisionRule = null) : IRecordParser
{
    private const string ConsoleMessage = "Decision Log";

    // Console framing and the fields that have columns of their own; input, result and the rest
    // stay in the attributes, since replay needs them whole.
    private static readonly FrozenSet<string> Mapped = FrozenSet.Create(
        StringComparer.Ordinal,
        "decision_id", "timestamp", "time", "level", "msg", "type", "path", "bundles", "revision",
        "requested_by", "labels");

    public string Format => LogFormat.Opa;

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input)
    {
        if (!JsonRecord.TryParseObject(text, out var document, out var error))
        {
            return ParseOutcome.Failure(error);
        }

        using (document)
        {
            var root = document.RootElement;
            if (NotADecision(root) is { } reason)
            {
                return ParseOutcome.Failure(reason);
            }

            if (!JsonTime.TryRead(root, out var time, out error, "timestamp", "time"))
            {
                return ParseOutcome.Failure(error);
            }

            var outcome = OpaResultMapping.Map(root);
            if (outcome.Decision == Decision.Unknown && decisionRule is not null)
            {
                if (!decisionRule.TryMap(root, DecisionNames.TryParseDecision, out var mapped, out var value))
                {
                    return ParseOutcome.Failure(decisionRule.DescribeMismatch("decision", value));
                }

                outcome = outcome with { Decision = mapped };
            }

            return ParseOutcome.Success(ToEvent(root, outcome, time, text, record.Location, input));
        }
    }

    private static string? NotADecision(JsonElement root)
    {
        var message = JsonValues.GetString(root, "msg");
        if (message is null || message == ConsoleMessage || JsonValues.Get(root, "decision_id") is not null)
        {
            return null;
        }

        return $"not an OPA decision log event: the console line has msg \"{JsonTime.Shorten(message)}\" "
            + "and no decision_id";
    }

    private static DecisionEvent ToEvent(JsonElement root, OpaOutcome outcome, DateTime time, string text,
        RecordLocation location, InputIdentity input)
    {
        var requestInput = JsonValues.Get(root, "input") ?? default;
        var decisionEvent = new DecisionEvent
        {
            EventId = JsonValues.GetString(root, "decision_id") ?? input.EventIdAt(location.ByteOffset),
            Time = time,
            Source = LogFormat.Opa,
            Decision = outcome.Decision,
            Mode = EnforcementMode.Enforce,
            PolicyId = JsonValues.GetString(root, "path"),
            PolicyVersion = PolicyVersion(root),
            RuleId = outcome.RuleId,
            MatchedRules = outcome.RuleId is null ? [] : [outcome.RuleId],
            Reason = outcome.Reason,
            ClientIp = IpText.Canonicalize(JsonValues.GetString(root, "requested_by")),
            Labels = Labels(root),
            Raw = text,
            Location = location,
        };
        OpaInputFields.Apply(requestInput, decisionEvent);
        decisionEvent.Attributes = Attributes(root);
        return decisionEvent;
    }

    /// <summary>
    /// Returns the bundle revision: one bundle gives its revision, several give
    /// <c>name=revision</c> pairs in name order joined by commas; the deprecated <c>revision</c> field
    /// is the fallback.
    /// </summary>
    internal static string? PolicyVersion(JsonElement root)
    {
        if (JsonValues.Get(root, "bundles") is { ValueKind: JsonValueKind.Object } bundles)
        {
            var revisions = bundles.EnumerateObject()
                .Select(bundle => (bundle.Name, Revision: JsonValues.GetString(bundle.Value, "revision")))
                .Where(pair => pair.Revision is not null)
                .OrderBy(pair => pair.Name, StringComparer.Ordinal)
                .ToList();
            if (revisions.Count == 1)
            {
                return revisions[0].Revision;
            }

            if (revisions.Count > 1)
            {
                return string.Join(",", revisions.Select(pair => $"{pair.Name}={pair.Revision}"));
            }
        }

        return JsonValues.GetString(root, "revision");
    }

    private static Dictionary<string, string> Labels(JsonElement root)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonValues.Get(root, "labels") is { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var label in element.EnumerateObject())
            {
                if (JsonValues.AsString(label.Value) is { } value)
                {
                    labels[label.Name] = value;
                }
            }
        }

        return labels;
    }

    private static string? Attributes(JsonElement root)
    {
        using var attributes = new AttributesWriter();
        attributes.AddUnmapped(root, Mapped);
        return attributes.ToJson();
    }
}
