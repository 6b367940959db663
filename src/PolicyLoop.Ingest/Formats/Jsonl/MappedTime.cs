using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyLoop.Ingest.Formats.Json;

namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>Reads a mapped time value in the mapping's <see cref="TimeFormat"/>.</summary>
internal static partial class MappedTime
{
    public static bool TryRead(JsonElement value, TimeFormat format, out DateTime utc)
    {
        utc = default;
        switch (format)
        {
            case TimeFormat.Rfc3339:
                return value.ValueKind == JsonValueKind.String && Rfc3339().IsMatch(value.GetString()!)
                    && Timestamps.TryParse(value.GetString(), out utc);
            case TimeFormat.UnixSeconds:
                return TryNumber(value, out var seconds) && Timestamps.TryFromEpochSeconds(seconds, out utc);
            case TimeFormat.UnixMilliseconds:
                return TryNumber(value, out var milliseconds)
                    && Timestamps.TryFromEpochSeconds(milliseconds / 1000, out utc);
            default:
                return JsonTime.TryParse(value, out utc);
        }
    }

    public static string Describe(TimeFormat format) => format switch
    {
        TimeFormat.Rfc3339 => "an RFC 3339 time with a time zone (time_format rfc3339)",
        TimeFormat.UnixSeconds => "a number of Unix epoch seconds (time_format unix_s)",
        TimeFormat.UnixMilliseconds => "a number of Unix epoch milliseconds (time_format unix_ms)",
        _ => "a recognised time (time_format auto: RFC 3339, Apache, ctime or an epoch number)",
    };

    private static bool TryNumber(JsonElement value, out double number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture,
                out number) && double.IsFinite(number),
            _ => false,
        };
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
