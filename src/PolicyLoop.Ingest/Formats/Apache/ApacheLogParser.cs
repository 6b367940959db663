using System.Globalization;
using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Formats.Apache;

/// <summary>
/// Reads Apache and nginx access logs in the combined and common formats.
/// Decision mapping: status 401 and 403 are <c>deny</c>, 429 is <c>throttle</c>, 5xx is
/// <c>error</c>, anything else <c>allow</c>, all in enforce mode. The rule id stays empty, since
/// an access log does not say which rule decided.
/// A line whose last quoted field lacks its closing quote is accepted with the rest of the line
/// as that field and marked lenient, because real servers write such lines.
/// </summary>
public sealed class ApacheLogParser : IRecordParser
{
    public string Format => "apache";

    public ParseOutcome Parse(in RawRecord record, string text, InputIdentity input)
    {
        var cursor = new FieldCursor(text);
        var result = ParseFields(ref cursor, out var fields);
        if (result is not null)
        {
            return ParseOutcome.Failure(result);
        }

        return ParseOutcome.Success(ToEvent(fields, text, record.Location, input));
    }

    private static string? ParseFields(ref FieldCursor cursor, out AccessLogFields fields)
    {
        fields = default;
        var host = cursor.NextToken();
        var ident = cursor.NextToken();
        var user = cursor.NextToken();
        if (host is null || ident is null || user is null)
        {
            return "not an access log line: expected client address, ident and user before the [time] field";
        }

        var time = cursor.NextBracketed();
        if (time is null)
        {
            return "missing [time] field after the user field";
        }

        if (!Timestamps.TryParse(time, out var utc))
        {
            return $"unparseable time \"{time}\": expected the form 10/Oct/2000:13:55:36 -0700";
        }

        var request = cursor.NextQuoted(out var requestUnterminated);
        if (request is null || requestUnterminated)
        {
            return "missing or unterminated \"request\" field after the time";
        }

        var status = cursor.NextToken();
        if (status is null || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            || code is < 100 or > 999)
        {
            return $"invalid status \"{status}\": expected a three-digit HTTP status after the request";
        }

        var bytesText = cursor.NextToken();
        long? bytes = null;
        if (bytesText is not null && bytesText != "-")
        {
            if (!long.TryParse(bytesText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return $"invalid size \"{bytesText}\": expected a byte count or '-' after the status";
            }

            bytes = size;
        }

        var referer = cursor.NextQuoted(out var refererUnterminated);
        var agentUnterminated = false;
        var userAgent = refererUnterminated ? null : cursor.NextQuoted(out agentUnterminated);
        var lenient = refererUnterminated || agentUnterminated;

        fields = new AccessLogFields(host, user, utc, request, code, bytes, referer, userAgent, lenient);
        return null;
    }

    private static DecisionEvent ToEvent(in AccessLogFields fields, string text, RecordLocation location,
        InputIdentity input)
    {
        var (method, target, protocol) = SplitRequest(fields.Request);
        var (path, query) = SplitTarget(target);
        return new DecisionEvent
        {
            EventId = input.EventIdAt(location.ByteOffset),
            Time = fields.Time,
            Source = "apache",
            Decision = DecisionFor(fields.Status),
            Mode = EnforcementMode.Enforce,
            ClientIp = IpText.Canonicalize(fields.Host),
            UserId = Dash(fields.User),
            Method = method,
            Path = path,
            Query = query,
            Status = fields.Status,
            Bytes = fields.Bytes,
            Referer = Dash(fields.Referer),
            UserAgent = Dash(fields.UserAgent),
            Attributes = protocol is null ? null : JsonText.Object(("protocol", protocol)),
            Raw = text,
            Lenient = fields.Lenient,
            Location = location,
        };
    }

    /// <summary>Maps an HTTP status to the decision an access log implies.</summary>
    public static Decision DecisionFor(int status) => status switch
    {
        401 or 403 => Decision.Deny,
        429 => Decision.Throttle,
        >= 500 and <= 599 => Decision.Error,
        _ => Decision.Allow,
    };

    private static (string? Method, string? Target, string? Protocol) SplitRequest(string request)
    {
        var parts = request.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            3 => (parts[0], parts[1], parts[2]),
            2 => (parts[0], parts[1], null),
            _ => (null, Dash(request), null),
        };
    }

    private static (string? Path, string? Query) SplitTarget(string? target)
    {
        if (target is null)
        {
            return (null, null);
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, null) : (target[..question], target[(question + 1)..]);
    }

    private static string? Dash(string? value) => value is null or "-" or "" ? null : value;

    private readonly record struct AccessLogFields(
        string Host,
        string User,
        DateTime Time,
        string Request,
        int Status,
        long? Bytes,
        string? Referer,
        string? UserAgent,
        bool Lenient);
}
