namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>How a JSON lines mapping reads the event time.</summary>
public enum TimeFormat
{
    /// <summary>
    /// Any form <see cref="Timestamps"/> parses, or an epoch number whose unit is inferred from its size.
    /// </summary>
    Auto,

    /// <summary>RFC 3339 text with a time zone, such as <c>2025-03-11T09:14:22.481Z</c>.</summary>
    Rfc3339,

    /// <summary>Unix epoch seconds, as a number or a numeric string.</summary>
    UnixSeconds,

    /// <summary>Unix epoch milliseconds, as a number or a numeric string.</summary>
    UnixMilliseconds,
}
