using System.Globalization;

namespace PolicyLoop.Ingest;

/// <summary>
/// Parses the timestamp forms decision logs use into UTC: RFC 3339 / ISO 8601 (a value without an
/// offset is taken as UTC), the Apache common log form <c>10/Oct/2000:13:55:36 -0700</c>, the
/// ctime form <c>Tue Mar 11 09:14:22 2025</c> (taken as UTC), and Unix epoch numbers, whose unit
/// (seconds, milliseconds, microseconds or nanoseconds) is inferred from their magnitude.
/// </summary>
public static class Timestamps
{
    private static readonly string[] ApacheFormats = ["dd/MMM/yyyy:HH:mm:ss zzz", "dd/MMM/yyyy:HH:mm:ss"];
    private static readonly string[] CtimeFormats = ["ddd MMM d HH:mm:ss yyyy", "ddd MMM dd HH:mm:ss yyyy"];

    /// <summary>Epochs above this many seconds (the year 5138) are taken to be in a finer unit.</summary>
    private const double MaxEpochSeconds = 1e11;

    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            return TryFromEpoch(epoch, out utc);
        }

        const DateTimeStyles Styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        if (DateTimeOffset.TryParseExact(trimmed, ApacheFormats, CultureInfo.InvariantCulture, Styles, out var apache)
            || DateTimeOffset.TryParseExact(trimmed, CtimeFormats, CultureInfo.InvariantCulture,
                Styles | DateTimeStyles.AllowInnerWhite, out apache))
        {
            utc = apache.UtcDateTime;
            return true;
        }

        if (LooksIso(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, Styles, out var iso))
        {
            utc = iso.UtcDateTime;
            return true;
        }

        return false;
    }

    /// <summary>Converts a Unix epoch number to UTC, inferring its unit from its magnitude.</summary>
    public static bool TryFromEpoch(double epoch, out DateTime utc)
    {
        utc = default;

        // Infinity must be rejected here: dividing it by 1000 below never ends.
        if (!double.IsFinite(epoch) || epoch < 0)
        {
            return false;
        }

        var seconds = epoch;
        while (seconds > MaxEpochSeconds)
        {
            seconds /= 1000;
        }

        return TryFromEpochSeconds(seconds, out utc);
    }

    /// <summary>
    /// Converts Unix epoch seconds (fractions allowed) to UTC; false for negative or out-of-range values.
    /// </summary>
    public static bool TryFromEpochSeconds(double seconds, out DateTime utc)
    {
        utc = default;
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return false;
        }

        var ticks = (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        if (ticks > DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks)
        {
            return false;
        }

        utc = DateTime.UnixEpoch.AddTicks(ticks);
        return true;
    }

    // The general parser accepts culture-free but very loose forms ("5", "May 2015"); decision logs
    // with ISO times start with a four-digit year and a dash.
    private static bool LooksIso(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-';
}
