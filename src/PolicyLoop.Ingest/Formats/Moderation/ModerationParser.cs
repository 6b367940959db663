using System.Collections.Frozen;
using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Moderation;

/// <summary>
/// Reads moderation logs: one JSON object per line shaped like the OpenAI moderation response
/// (<c>id</c>, <c>model</c>, <c>results[]</c>), at the top level or under <c>response</c>, plus the
/// moderated text in <c>input</c>, <c>text</c> or <c>prompt</c> and the time in <c>timestamp</c>,
/// <c>time</c> or <c>created</c>. A bare result object (<c>flagged</c> and <c>category_scores</c>)
/// is read too.
/// Decision mapping: <c>flagged</c> true in any result is <c>deny</c>, else <c>allow</c>, in enforce
/// mode. Matched rules are the flagged categories by descending score, and the rule id is the
/// highest-scoring flagged category. Scores are <c>category_scores</c> (the maximum over results).
/// The event id is <c>id</c> the first time it appears in an input; a repeated id falls back to
/// the input hash and byte offset, because one response id can only name one event.
/// </summary>
public sealed class ModerationParser : IRecordParser
{
    /// <summary>Longest moderated text kept in <c>content</c>, in UTF-8 bytes.</summary>
    public const int MaxContentBytes = 16 * 1024;

    private static readonly string[] TimeFields = ["timestamp", "time", "created"];

    private static readonly FrozenSet<string> Mapped = FrozenSet.Create(
        StringComparer.Ordinal,
        "id", "model", "results", "response", "flagged", "categories", "category_scores", "input", "text",
        "prompt", "timestamp", "time", "created", "user", "user_id", "session_id", "tenant");

    // NOTE: every id of the input is kept until the input ends, an estimated 100 bytes each, so a log of
    // ten million lines would hold about 1 GB here.
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);

    public string Format => LogFormat.Moderation;

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input)
    {
        if (!JsonRecord.TryParseObject(text, out var document, out var error))
        {
            return ParseOutcome.Failure(error);
        }

        using (document)
        {
            var root = document.RootElement;
            var nested = JsonValues.Get(root, "response") is { ValueKind: JsonValueKind.Object } inner
                ? inner
                : default;
            var response = nested.ValueKind == JsonValueKind.Object ? nested : root;
            var results = ModerationResults.Find(response);
            if (results.Count == 0)
            {
                return ParseOutcome.Failure("not a moderation record: no results with category_scores at the top "
                    + "level or under \"response\"");
            }

            var timeSource = HasAny(root, TimeFields) ? root : response;
            if (!JsonTime.TryRead(timeSource, out var time, out error, TimeFields))
            {
                return ParseOutcome.Failure(error);
            }

            return ParseOutcome.Success(ToEvent(root, nested, results, time, text, record.Location, input));
        }
    }

    /// <summary>
    /// Builds the event. <paramref name="nested"/> is the <c>response</c> object, or default when there is none.
    /// </summary>
    private DecisionEvent ToEvent(JsonElement root, JsonElement nested, List<JsonElement> results, DateTime time,
        string text, RecordLocation location, InputIdentity input)
    {
        var response = nested.ValueKind == JsonValueKind.Object ? nested : root;
        var verdict = ModerationResults.Evaluate(results);
        var (content, contentBytes) = ModerationContent.Read(root);
        var id = JsonValues.GetString(root, "id") ?? JsonValues.GetString(response, "id");
        var repeatedId = id is not null && !_seenIds.Add(id);
        using var attributes = new AttributesWriter();
        attributes.AddUnmapped(root, Mapped);
        attributes.AddUnmapped("response", nested, Mapped);
        ModerationResults.AddUnmapped(results, attributes);
        if (content is not null && contentBytes > MaxContentBytes)
        {
            attributes.Add("content_truncated_from_bytes", contentBytes);
        }

        if (repeatedId)
        {
            attributes.Add("repeated_id", id);
        }

        return new DecisionEvent
        {
            EventId = id is not null && !repeatedId ? id : input.EventIdAt(location.ByteOffset),
            Time = time,
            Source = LogFormat.Moderation,
            Decision = verdict.Flagged ? Decision.Deny : Decision.Allow,
            Mode = EnforcementMode.Enforce,
            PolicyId = JsonValues.GetString(root, "model") ?? JsonValues.GetString(response, "model"),
            RuleId = verdict.FlaggedCategories.Count > 0 ? verdict.FlaggedCategories[0] : null,
            MatchedRules = verdict.FlaggedCategories,
            Scores = verdict.Scores,
            Content = content,
            UserId = JsonValues.GetString(root, "user_id") ?? JsonValues.GetString(root, "user"),
            SessionId = JsonValues.GetString(root, "session_id"),
            Tenant = JsonValues.GetString(root, "tenant"),
            Attributes = attributes.ToJson(),
            Raw = text,
            Location = location,
        };
    }

    private static bool HasAny(JsonElement element, string[] names) =>
        names.Any(name => JsonValues.Get(element, name) is not null);
}
