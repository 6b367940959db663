using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Storage;

/// <summary>The SQL of the baseline tables. Every interpolated part is a constant of this assembly.</summary>
internal static class BaselineSql
{
    public const string ReadLevel = """
        SELECT source, policy_id, rule_id, bucket_start, total, rejects, segment
        FROM baseline_buckets
        WHERE scope_level = $level AND bucket_seconds = $seconds
        ORDER BY source, policy_id, rule_id, segment, bucket_start
        """;

    // A rule's total is its policy's total in the same segment, so a bucket where the rule did not
    // fire has 0 rejects.
    public const string ReadRules = """
        WITH rules AS (
            SELECT DISTINCT source, policy_id, rule_id, segment FROM baseline_buckets
            WHERE scope_level = $rules AND bucket_seconds = $seconds)
        SELECT r.source, r.policy_id, r.rule_id, p.bucket_start, p.total, coalesce(x.rejects, 0), r.segment
        FROM rules r
        JOIN baseline_buckets p
          ON p.scope_level = $level AND p.bucket_seconds = $seconds
         AND p.source = r.source AND p.policy_id = r.policy_id AND p.segment = r.segment
        LEFT JOIN baseline_buckets x
          ON x.scope_level = $rules AND x.bucket_seconds = $seconds AND x.source = r.source
         AND x.policy_id = r.policy_id AND x.rule_id = r.rule_id AND x.segment = r.segment
         AND x.bucket_start = p.bucket_start
        ORDER BY r.source, r.policy_id, r.rule_id, r.segment, p.bucket_start
        """;

    /// <summary>The insert that recomputes the affected buckets of one level and segment.</summary>
    public static string Insert(ScopeLevel level, Segment segment, string bucket, string rejectPredicate)
    {
        var (policy, rule, filter) = level switch
        {
            ScopeLevel.Source => ("''", "''", "TRUE"),
            ScopeLevel.Policy => ("coalesce(policy_id, '')", "''", "TRUE"),
            _ => ("coalesce(policy_id, '')", "coalesce(rule_id, '')", rejectPredicate),
        };
        return $"""
            INSERT INTO baseline_buckets (scope_level, bucket_seconds, source, policy_id, rule_id, bucket_start, total, rejects, segment)
            SELECT $level, $seconds, source, {policy}, {rule}, {bucket} AS b,
                   count(*), count(*) FILTER (WHERE {rejectPredicate}), {SegmentValue(segment)}
            FROM events
            WHERE ({filter})
              AND time >= (SELECT min(bucket_start) FROM affected_buckets)
              AND {bucket} IN (SELECT bucket_start FROM affected_buckets)
            GROUP BY ALL
            """;
    }

    /// <summary>The SQL expression of an event's segment value; RE2 regular expressions run in linear time.</summary>
    private static string SegmentValue(Segment segment) => segment switch
    {
        Segment.None => "''",
        Segment.Client24 => """
            CASE WHEN regexp_matches(client_ip, '^[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}$')
                 THEN regexp_extract(client_ip, '^([0-9]+[.][0-9]+[.][0-9]+)[.]', 1) || '.0/24'
                 ELSE coalesce(client_ip, '') END
            """,
        Segment.Country => "coalesce(country, '')",
        Segment.Asn => "coalesce(asn, '')",
        Segment.Tenant => "coalesce(tenant, '')",
        Segment.Host => "coalesce(host, '')",
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "unknown segment"),
    };
}
