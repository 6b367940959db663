namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>
/// Parses the common ISO 8601 form <c>2026-11-01T12:34:56.123456Z</c> straight from UTF-8:
/// a date, <c>T</c> or a space, a time with an optional fraction (digits past the seventh are
/// dropped), and <c>Z</c>, an offset <c>+hh:mm</c> or nothing (taken as UTC). Other forms return
/// false, and the caller falls back to <see cref="Timestamps.TryParse"/>.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTime utc)
    {
        utc = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ')
            || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month)
            || !TryDigits(text, 8, 2, out var day) || !TryDigits(text, 11, 2, out var hour)
            || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        var fractionTicks = ReadFraction(text, ref position);
        if (fractionTicks < 0 || !TryReadOffset(text[position..], out var offsetMinutes))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fractionTicks);
        var ticks = local.Ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Reads <c>.digits</c> as 100 ns ticks; returns 0 without a fraction and -1 for a dot without digits.</summary>
    private static long ReadFraction(ReadOnlySpan<byte> text, ref int position)
    {
        if (position >= text.Length || text[position] != '.')
        {
            return 0;
        }

        position++;
        var start = position;
        long ticks = 0;
        var scale = (long)TimeSpan.TicksPerSecond;
        while (position < text.Length && char.IsAsciiDigit((char)text[position]))
        {
            if (scale > 1)
            {
                scale /= 10;
                ticks += (text[position] - '0') * scale;
            }

            position++;
        }

        return position == start ? -1 : ticks;
    }

    private static bool TryReadOffset(ReadOnlySpan<byte> rest, out int minutes)
    {
        minutes = 0;
        if (rest.IsEmpty || rest is [(byte)'Z'] || rest is [(byte)'z'])
        {
            return true;
        }

        if (rest.Length != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':'
            || !TryDigits(rest, 1, 2, out var hours) || !TryDigits(rest, 4, 2, out var mins)
            || hours > 23 || mins > 59)
        {
            return false;
        }

        minutes = (rest[0] == '-' ? -1 : 1) * ((hours * 60) + mins);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
