using System.Collections.Frozen;
using System.Text.Json;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.ModSecurity;

/// <summary>
/// Reads the ModSecurity v3 JSON audit log (<c>SecAuditLogFormat JSON</c>), one
/// <c>{"transaction": {...}}</c> object per line.
/// Decision mapping: with <c>secrules_engine</c> DetectionOnly the event is in shadow mode and is
/// <c>deny</c> when an anomaly evaluation rule (949110 inbound, 959100 outbound) matched, else
/// <c>allow</c>. Otherwise a response status of 403, or an anomaly evaluation match with a status of
/// 400 or more, is <c>deny</c>; any other logged status is <c>allow</c>; no status and no anomaly
/// evaluation match is <c>unknown</c>. The deciding rule is the anomaly evaluation rule when one
/// matched, else, for a deny, the last message's rule, since ModSecurity stops at the disruptive
/// rule. Every message's rule id is a matched rule, and the reason is the deciding rule's message.
/// </summary>
public sealed class ModSecurityParser : IRecordParser
{
    private static readonly FrozenSet<string> MappedTransaction = FrozenSet.Create(
        StringComparer.Ordinal, "client_ip", "time_stamp", "unique_id", "request", "response");

    private static readonly FrozenSet<string> MappedRequest = FrozenSet.Create(StringComparer.Ordinal, "method", "uri");

    private static readonly FrozenSet<string> MappedResponse = FrozenSet.Create(StringComparer.Ordinal, "http_code");

    public string Format => LogFormat.ModSecurity;

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input)
    {
        if (!JsonRecord.TryParseObject(text, out var document, out var error))
        {
            return ParseOutcome.Failure(error);
        }

        using (document)
        {
            var transaction = JsonValues.Get(document.RootElement, "transaction") ?? default;
            if (transaction.ValueKind != JsonValueKind.Object)
            {
                return ParseOutcome.Failure("not a ModSecurity audit record: the \"transaction\" object is missing");
            }

            if (!JsonTime.TryRead(transaction, out var time, out error, "time_stamp"))
            {
                return ParseOutcome.Failure(error);
            }

            return ParseOutcome.Success(ToEvent(document.RootElement, transaction, time, text, record.Location, input));
        }
    }

    private static DecisionEvent ToEvent(JsonElement root, JsonElement transaction, DateTime time, string text,
        RecordLocation location, InputIdentity input)
    {
        var request = JsonValues.Get(transaction, "request") ?? default;
        var status = (int?)JsonValues.GetInt64(transaction, "response", "http_code");
        var verdict = ModSecurityVerdict.Evaluate(transaction, status);
        var (path, query) = SplitUri(JsonValues.GetString(request, "uri"));
        var (policyId, policyVersion) = Ruleset(transaction);
        return new DecisionEvent
        {
            EventId = JsonValues.GetString(transaction, "unique_id") ?? input.EventIdAt(location.ByteOffset),
            Time = time,
            Source = LogFormat.ModSecurity,
            Decision = verdict.Decision,
            Mode = verdict.Mode,
            PolicyId = policyId,
            PolicyVersion = policyVersion,
            RuleId = verdict.RuleId,
            MatchedRules = verdict.MatchedRules,
            Reason = verdict.Reason,
            ClientIp = IpText.Canonicalize(JsonValues.GetString(transaction, "client_ip")),
            Method = JsonValues.GetString(request, "method"),
            Host = Header(request, "Host"),
            Path = path,
            Query = query,
            Status = status,
            UserAgent = Header(request, "User-Agent"),
            Referer = Header(request, "Referer"),
            Attributes = Attributes(root, transaction),
            Raw = text,
            Location = location,
        };
    }

    private static (string? Path, string? Query) SplitUri(string? uri)
    {
        if (uri is null)
        {
            return (null, null);
        }

        var question = uri.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (uri, null) : (uri[..question], uri[(question + 1)..]);
    }

    /// <summary>
    /// Splits the first producer component, such as <c>OWASP_CRS/4.10.0</c>, into ruleset name and version.
    /// </summary>
    private static (string? Id, string? Version) Ruleset(JsonElement transaction)
    {
        var components = JsonValues.GetStrings(JsonValues.Get(transaction, "producer", "components"));
        if (components.Count == 0)
        {
            return (null, null);
        }

        var slash = components[0].IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (components[0], null) : (components[0][..slash], components[0][(slash + 1)..]);
    }

    private static string? Header(JsonElement request, string name)
    {
        if (JsonValues.Get(request, "headers") is not { ValueKind: JsonValueKind.Object } headers)
        {
            return null;
        }

        foreach (var header in headers.EnumerateObject())
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return JsonValues.AsString(header.Value);
            }
        }

        return null;
    }

    private static string? Attributes(JsonElement root, JsonElement transaction)
    {
        using var attributes = new AttributesWriter();
        attributes.AddUnmapped(root, FrozenSet.Create(StringComparer.Ordinal, "transaction"));
        attributes.AddUnmapped(transaction, MappedTransaction);
        attributes.AddUnmapped("request", JsonValues.Get(transaction, "request") ?? default, MappedRequest);
        attributes.AddUnmapped("response", JsonValues.Get(transaction, "response") ?? default, MappedResponse);
        return attributes.ToJson();
    }
}
