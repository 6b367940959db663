using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Cli.Replay;
using PolicyLoop.Core;
using PolicyLoop.Reports;
using PolicyLoop.Reports.Model.Replay;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Tests.Replay;

/// <summary>
/// Compares the replay command's projected, read-ahead path with a replay over complete events
/// from <see cref="DuckDbEventStore.ReadEvents"/> on the same store.
/// </summary>
public sealed class ReplayExecutionTests : IDisposable
{
    private const string Candidate = """
        id: edge
        version: "2"
        default: allow
        lists:
          crawlers: [66.249.64.0/19]
        rules:
          - id: deny-probes
            when: path.matches(r'(?i)/(wp-login\.php|phpmyadmin)')
            action: deny
            mode: enforce
          - id: deny-repeat-offenders
            when: count(client_ip, "10m") >= 3
            action: deny
            mode: enforce
          - id: count-crawlers
            when: client_ip in lists.crawlers
            action: count
            mode: enforce
          - id: challenge-scripts
            when: has(user_agent) && user_agent.lowerAscii().startsWith('curl/')
            action: challenge
            mode: enforce
          - id: throttle-per-client
            when: rate(client_ip, "1m") > 50
            action: throttle
            mode: enforce
          - id: shadow-errors
            when: has(status) && status >= 500 && has(query)
            action: deny
            mode: shadow
        """;

    private const string Baseline = """
        id: edge
        version: "1"
        default: allow
        rules:
          - id: throttle-per-client
            when: rate(client_ip, "1m") > 80
            action: throttle
            mode: enforce
          - id: deny-bytes
            when: bytes > 900
            action: deny
            mode: enforce
        """;

    private static readonly DateTime Start = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime GeneratedAt = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-replay-paths-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_AgainstBaselinePolicy_MatchesCompleteEventReplay()
    {
        using var store = StoreOutOfOrder();
        var candidate = PolicyFile("candidate.yaml", Candidate);
        var baseline = PolicyFile("baseline.yaml", Baseline);

        var fast = ReplayExecution.Run(store, candidate, baseline, new EventQuery(), seed: 7);
        var complete = CompleteReplay(store, candidate, baseline, new EventQuery(), seed: 7);

        fast.Counts.Considered.ShouldBe(6_000);
        fast.Counts.Changed.ShouldBeGreaterThan(0);
        Json(fast).ShouldBe(Json(complete));
    }

    [Fact]
    public void Run_AgainstLoggedDecisionsInRange_MatchesCompleteEventReplay()
    {
        using var store = StoreOutOfOrder();
        var candidate = PolicyFile("candidate.yaml", Candidate);
        var query = new EventQuery(Start.AddMinutes(3), Start.AddMinutes(40), "apache");

        var fast = ReplayExecution.Run(store, candidate, null, query, seed: 3);
        var complete = CompleteReplay(store, candidate, null, query, seed: 3);

        fast.Counts.Considered.ShouldBeGreaterThan(0);
        fast.Counts.RejectToAllow.ShouldBeGreaterThan(0);
        Json(fast).ShouldBe(Json(complete));
    }

    private static string Json(ReplayReport report) => ReportJson.Serialize(report with { GeneratedAt = GeneratedAt });

    private static ReplayReport CompleteReplay(DuckDbEventStore store, PolicyFile candidate, PolicyFile? baseline,
        EventQuery query, ulong seed)
    {
        var replayer = new PolicyReplayer(candidate.Compiled!, baseline?.Compiled, new ReplayComparerOptions
        {
            BucketWidth = BucketWidth.For(store.Summarize()),
            Seed = seed,
        });
        var baselineName = baseline is null ? "logged decisions" : PolicyFiles.Describe(baseline);
        return replayer.Run(store.ReadEvents(query), PolicyFiles.Describe(candidate), baselineName, GeneratedAt);
    }

    private PolicyFile PolicyFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return PolicyFiles.LoadCompiled(path);
    }

    /// <summary>
    /// Stores 6,000 events over half an hour in batches of 500, newest batch first, with a few clients
    /// busy enough for the rate rules, ties in time, a second source and logged rejects.
    /// </summary>
    private DuckDbEventStore StoreOutOfOrder()
    {
        var store = DuckDbEventStore.Open(Path.Combine(_folder, "events.duckdb"));
        var events = Enumerable.Range(0, 6_000).Select(Request).ToList();
        foreach (var batch in events.Chunk(500).Reverse())
        {
            store.StoreBatch(batch, []);
        }

        return store;
    }

    private static DecisionEvent Request(int i)
    {
        var rejected = i % 23 == 0;
        return new DecisionEvent
        {
            EventId = $"e{(i * 7919) % 6_000:D5}",
            Time = Start.AddMilliseconds(i / 2 * 600),
            Source = i % 10 == 0 ? "nginx" : "apache",
            Decision = rejected ? Decision.Deny : Decision.Allow,
            RuleId = rejected ? "logged-rule" : null,
            MatchedRules = rejected ? ["logged-rule", "logged-count"] : [],
            ClientIp = i % 3 == 0 ? "192.0.2.1" : i % 7 == 0 ? "66.249.66.1" : $"198.51.100.{i % 40}",
            Method = i % 5 == 0 ? "POST" : "GET",
            Path = i % 97 == 0 ? "/wp-login.php" : $"/item/{i % 50}",
            Query = i % 4 == 0 ? "q=1" : null,
            Status = i % 11 == 0 ? 503 : 200,
            UserAgent = i % 13 == 0 ? null : i % 17 == 0 ? "Curl/8.1" : "Mozilla/5.0",
            Bytes = i % 31 == 0 ? 1_000 : 100,
            Country = i % 2 == 0 ? "US" : null,
            Raw = "not read by the projected path",
        };
    }
}
