using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Storage;

/// <summary>The SQL of the baseline tables. Every interpolated part is a constant of this assembly.</summary>
internal static class BaselineSql
{
    public const string ReadLevel = """
        SELECT source, policy_id, rule_id, bucket_start, total, rejects
        FROM baseline_buckets
        WHERE scope_level = $level AND bucket_seconds = $seconds
        ORDER BY source, policy_id, rule_id, bucket_start
        """;

    // A rule's total is its policy's total, so a bucket where the rule did not fire has 0 rejects.
    public const string ReadRules = """
        WITH rules AS (
            SELECT DISTINCT source, policy_id, rule_id FROM baseline_buckets
            WHERE scope_level = 'rule' AND bucket_seconds = $seconds)
        SELECT r.source, r.policy_id, r.rule_id, p.bucket_start, p.total, coalesce(x.rejects, 0)
        FROM rules r
        JOIN baseline_buckets p
          ON p.scope_level = $level AND p.bucket_seconds = $seconds
         AND p.source = r.source AND p.policy_id = r.policy_id
        LEFT JOIN baseline_buckets x
          ON x.scope_level = 'rule' AND x.bucket_seconds = $seconds AND x.source = r.source
         AND x.policy_id = r.policy_id AND x.rule_id = r.rule_id AND x.bucket_start = p.bucket_start
        ORDER BY r.source, r.policy_id, r.rule_id, p.bucket_start
        """;

    /// <summary>The insert that recomputes the affected buckets of one level.</summary>
    public static string Insert(ScopeLevel level, string bucket, string rejectPredicate)
    {
        var (policy, rule, filter) = level switch
        {
            ScopeLevel.Source => ("''", "''", "TRUE"),
            ScopeLevel.Policy => ("coalesce(policy_id, '')", "''", "TRUE"),
            _ => ("coalesce(policy_id, '')", "coalesce(rule_id, '')", rejectPredicate),
        };
        return $"""
            INSERT INTO baseline_buckets
            SELECT $level, $seconds, source, {policy}, {rule}, {bucket} AS b,
                   count(*), count(*) FILTER (WHERE {rejectPredicate})
            FROM events
            WHERE ({filter})
              AND time >= (SELECT min(bucket_start) FROM affected_buckets)
              AND {bucket} IN (SELECT bucket_start FROM affected_buckets)
            GROUP BY ALL
            """;
    }
}
