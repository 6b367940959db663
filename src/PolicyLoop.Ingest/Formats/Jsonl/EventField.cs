namespace PolicyLoop.Ingest.Formats.Jsonl;

/// <summary>The top-level fields of the canonical event record, in the order the writers of the shape emit them.</summary>
internal enum EventField
{
    EventId,
    Time,
    Source,
    Decision,
    Mode,
    PolicyId,
    PolicyVersion,
    RuleId,
    MatchedRules,
    Reason,
    ClientIp,
    UserId,
    Roles,
    SessionId,
    Tenant,
    Method,
    Host,
    Path,
    Query,
    Status,
    UserAgent,
    Referer,
    Bytes,
    Content,
    Country,
    Asn,
    Org,
    Labels,
    Scores,
    Attributes,

    /// <summary>A field the record shape does not define; it is kept in the attributes.</summary>
    Unknown,
}
