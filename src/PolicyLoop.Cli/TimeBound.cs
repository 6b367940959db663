using PolicyLoop.Ingest;

namespace PolicyLoop.Cli;

/// <summary>
/// Parses a <c>--since</c> or <c>--until</c> value: a time (ISO 8601, UTC unless it has an
/// offset, or Unix epoch seconds) or a duration such as <c>24h</c>, which counts back from an
/// anchor time that the command chooses, such as the latest stored event.
/// </summary>
internal static class TimeBound
{
    /// <summary>
    /// Returns the time <paramref name="text"/> names, or null when the text is empty, or when it is a
    /// duration and <paramref name="anchor"/> returns null because there is nothing to count back from.
    /// </summary>
    /// <param name="text">The option's value.</param>
    /// <param name="option">The option's name, for the error message.</param>
    /// <param name="anchor">The time a duration counts back from; called only for a duration.</param>
    /// <param name="anchorName">What the anchor is, for the error message, such as "the latest stored event".</param>
    public static DateTime? Parse(string? text, string option, Func<DateTime?> anchor, string anchorName)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IsDuration(text))
        {
            return anchor() is { } from ? from - DetectionOptions.ParseDuration(text, option) : null;
        }

        return Timestamps.TryParse(text, out var utc)
            ? utc
            : throw new UsageException(
                $"invalid {option} '{text}'; use an ISO 8601 time such as 2015-05-18T00:00:00Z "
                + $"or a duration such as 24h before {anchorName}");
    }

    private static bool IsDuration(string text) =>
        text.Length > 1 && text[^1] is 's' or 'm' or 'h' or 'd' && text[..^1].All(char.IsAsciiDigit);
}
