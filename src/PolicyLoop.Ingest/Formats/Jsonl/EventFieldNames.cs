namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>Looks up the snake_case JSON name of an <see cref="EventField"/>.</summary>
internal static class EventFieldNames
{
    private static readonly byte[][] Names =
    [
        "event_id"u8.ToArray(), "time"u8.ToArray(), "source"u8.ToArray(), "decision"u8.ToArray(), "mode"u8.ToArray(),
        "policy_id"u8.ToArray(), "policy_version"u8.ToArray(), "rule_id"u8.ToArray(), "matched_rules"u8.ToArray(),
        "reason"u8.ToArray(), "client_ip"u8.ToArray(), "user_id"u8.ToArray(), "roles"u8.ToArray(),
        "session_id"u8.ToArray(), "tenant"u8.ToArray(), "method"u8.ToArray(), "host"u8.ToArray(), "path"u8.ToArray(),
        "query"u8.ToArray(), "status"u8.ToArray(), "user_agent"u8.ToArray(), "referer"u8.ToArray(),
        "bytes"u8.ToArray(), "content"u8.ToArray(), "country"u8.ToArray(), "asn"u8.ToArray(), "org"u8.ToArray(),
        "labels"u8.ToArray(), "scores"u8.ToArray(), "attributes"u8.ToArray(),
    ];

    public static string NameOf(EventField field) => System.Text.Encoding.UTF8.GetString(Names[(int)field]);

    /// <summary>
    /// Finds the field with the UTF-8 name <paramref name="name"/>. Records of one log mostly list
    /// their fields in one order, so the field after <paramref name="previous"/> is tried first.
    /// </summary>
    public static EventField Find(ReadOnlySpan<byte> name, EventField previous)
    {
        var expected = (int)previous + 1;
        if (expected < Names.Length && name.SequenceEqual(Names[expected]))
        {
            return (EventField)expected;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                return (EventField)i;
            }
        }

        return EventField.Unknown;
    }
}
