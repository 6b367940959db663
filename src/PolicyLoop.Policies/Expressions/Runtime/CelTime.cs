using System.Globalization;

namespace PolicyLoop.Policies.Expressions.Runtime;

/// <summary>
/// CEL timestamps (UTC <see cref="DateTime"/>) and durations (<see cref="TimeSpan"/>): parsing, formatting and
/// range checks. Precision is 100 ns, the resolution of .NET ticks; CEL allows nanoseconds.
/// </summary>
public static class CelTime
{
    public static readonly DateTime MinTimestamp = new(1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime MaxTimestamp = new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_999);

    /// <summary>Largest duration: what fits in 64-bit nanoseconds (about 292 years), the limit of cel-go.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromTicks(long.MaxValue / 100);

    private static readonly DateTime UnixEpoch = DateTime.UnixEpoch;

    /// <summary>Parses an RFC 3339 timestamp such as <c>2015-05-17T10:05:03Z</c> or with an offset.</summary>
    public static DateTime ParseTimestamp(string text)
    {
        var ok = DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"],
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed);
        if (!ok && !TryParseNanos(text, out parsed))
        {
            throw new CelException($"invalid timestamp '{text}': expected RFC 3339 such as 2015-05-17T10:05:03Z");
        }

        return parsed.UtcDateTime;
    }

    private static bool TryParseNanos(string text, out DateTimeOffset parsed)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var end = dot < 0 ? -1 : text.IndexOfAny(['Z', 'z', '+', '-'], dot);
        if (dot < 0 || end < 0 || end - dot - 1 <= 7)
        {
            parsed = default;
            return false;
        }

        var trimmed = text[..(dot + 8)] + text[end..];
        return DateTimeOffset.TryParseExact(trimmed, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal, out parsed);
    }

    public static string FormatTimestamp(DateTime value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return text + "Z";
    }

    public static DateTime FromUnixSeconds(long seconds)
    {
        if (seconds < -62135596800 || seconds > 253402300799)
        {
            throw new CelException("timestamp overflow");
        }

        return UnixEpoch.AddSeconds(seconds);
    }

    public static long ToUnixSeconds(DateTime value) => (long)Math.Floor((value - UnixEpoch).TotalSeconds);

    public static DateTime CheckTimestamp(DateTime value) =>
        value < MinTimestamp || value > MaxTimestamp ? throw new CelException("timestamp overflow") : value;

    public static TimeSpan CheckDuration(TimeSpan value) =>
        value > MaxDuration || value < -MaxDuration ? throw new CelException("duration overflow") : value;

    /// <summary>Formats a duration as seconds with a trailing s, such as <c>1.5s</c>.</summary>
    public static string FormatDuration(TimeSpan value)
    {
        var seconds = value.Ticks / TimeSpan.TicksPerSecond;
        var fraction = Math.Abs(value.Ticks % TimeSpan.TicksPerSecond);
        var sign = value.Ticks < 0 && seconds == 0 ? "-" : "";
        var text = sign + seconds.ToString(CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            text += "." + (fraction * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + "s";
    }

    /// <summary>Parses a Go-style duration: a sequence of numbers with units h, m, s, ms, us, ns, such as <c>1h30m</c>.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        if (!TryParseDuration(text, out var value))
        {
            throw new CelException($"invalid duration '{text}': expected a number with a unit, such as 1m, 30s or 1h30m");
        }

        return CheckDuration(value);
    }

    public static bool TryParseDuration(string text, out TimeSpan value)
    {
        value = default;
        var span = text.AsSpan();
        var negative = span.Length > 0 && span[0] == '-';
        if (span.Length > 0 && span[0] is '-' or '+')
        {
            span = span[1..];
        }

        if (span.SequenceEqual("0"))
        {
            return true;
        }

        decimal total = 0;
        while (span.Length > 0)
        {
            if (!TryReadComponent(ref span, out var nanos))
            {
                return false;
            }

            total += nanos;
        }

        if (text.Length == 0 || total / 100 > long.MaxValue)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)(total / 100) * (negative ? -1 : 1));
        return true;
    }

    private static bool TryReadComponent(ref ReadOnlySpan<char> span, out decimal nanos)
    {
        nanos = 0;
        var length = 0;
        while (length < span.Length && (char.IsAsciiDigit(span[length]) || span[length] == '.'))
        {
            length++;
        }

        if (length == 0 || length > 28
            || !decimal.TryParse(span[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        span = span[length..];
        var unit = ReadUnit(ref span);
        if (unit == 0)
        {
            return false;
        }

        nanos = number * unit;
        return true;
    }

    private static decimal ReadUnit(ref ReadOnlySpan<char> span)
    {
        string[] units = ["ns", "us", "µs", "ms", "s", "m", "h"];
        decimal[] sizes = [1m, 1_000m, 1_000m, 1_000_000m, 1_000_000_000m, 60_000_000_000m, 3_600_000_000_000m];
        for (var i = 0; i < units.Length; i++)
        {
            if (span.StartsWith(units[i], StringComparison.Ordinal) && !(units[i] == "m" && span.StartsWith("ms")))
            {
                span = span[units[i].Length..];
                return sizes[i];
            }
        }

        return 0;
    }

    /// <summary>Converts a UTC timestamp to local time in a zone: an IANA name, UTC, or a fixed offset such as +05:30.</summary>
    public static DateTime InZone(DateTime utc, string zone)
    {
        if (TryParseOffset(zone, out var offset))
        {
            return utc + offset;
        }

        try
        {
            return TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(zone));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CelException($"unknown time zone '{zone}': use an IANA name such as Europe/Paris or an offset such as +02:00");
        }
    }

    private static bool TryParseOffset(string zone, out TimeSpan offset)
    {
        offset = default;
        var sign = zone.Length > 0 && zone[0] == '-' ? -1 : 1;
        var body = zone.Length > 0 && zone[0] is '+' or '-' ? zone[1..] : zone;
        var parts = body.Split(':');
        if (parts.Length != 2 || !parts.All(p => p.Length == 2 && p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var hours = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var minutes = int.Parse(parts[1], CultureInfo.InvariantCulture);
        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }
}
