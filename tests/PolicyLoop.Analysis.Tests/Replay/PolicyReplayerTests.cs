using PolicyLoop.Analysis.Replay;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;
using PolicyLoop.Reports;

namespace PolicyLoop.Analysis.Tests.Replay;

public sealed class PolicyReplayerTests
{
    private static readonly DateTime Start = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);

    private const string RatePolicy = """
        id: limits
        version: "2"
        default: allow
        rules:
          - id: per-client
            when: rate(client_ip, "1m") > 50
            action: throttle
            mode: enforce
        """;

    private const string AllowAll = """
        id: limits
        version: "1"
        default: allow
        rules:
          - id: never
            when: "false"
            action: deny
            mode: enforce
        """;

    private static CompiledPolicy Compile(string text)
    {
        var (policy, loadDiagnostics) = PolicyLoader.Load(text, "policy.yaml");
        loadDiagnostics.ShouldBeEmpty();
        var (compiled, diagnostics) = PolicyCompiler.Compile(policy!, text);
        diagnostics.ShouldBeEmpty();
        return compiled!;
    }

    private static DecisionEvent Request(int index, TimeSpan offset, string client = "192.0.2.1") => new()
    {
        EventId = $"e{index:D5}",
        Time = Start + offset,
        Source = "apache",
        ClientIp = client,
        Path = "/",
        UserAgent = "curl/8",
    };

    private static Reports.Model.Replay.ReplayReport Replay(IEnumerable<DecisionEvent> events) =>
        new PolicyReplayer(Compile(RatePolicy), Compile(AllowAll), new ReplayComparerOptions())
            .Run(events, "limits 2", "limits 1", Start);

    [Fact]
    public void Run_RateRule_FiresFromThe51stRequestInAMinute()
    {
        var events = Enumerable.Range(0, 60).Select(i => Request(i, TimeSpan.FromMilliseconds(i * 500))).ToList();

        var report = Replay(events);

        report.Counts.AllowToReject.ShouldBe(10);
        report.Samples.Select(sample => sample.EventId).Order(StringComparer.Ordinal).First().ShouldBe("e00050");
    }

    [Fact]
    public void Run_RequestsSpreadOverWindowBoundaries_NeverExceedTheLimit()
    {
        // 100 requests, one every 1.2 s: at most 50 fall in any one-minute window.
        var events = Enumerable.Range(0, 100).Select(i => Request(i, TimeSpan.FromMilliseconds(i * 1200))).ToList();

        Replay(events).Counts.AllowToReject.ShouldBe(0);
    }

    [Fact]
    public void Run_ExpiredWindow_StartsCountingAgain()
    {
        var burst = Enumerable.Range(0, 51).Select(i => Request(i, TimeSpan.FromMilliseconds(i * 100)));
        var later = Enumerable.Range(51, 51).Select(i => Request(i, TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(i * 100)));

        var report = Replay(burst.Concat(later));

        report.Counts.AllowToReject.ShouldBe(2);
    }

    [Fact]
    public void Run_OtherClients_HaveTheirOwnWindows()
    {
        var events = Enumerable.Range(0, 100)
            .Select(i => Request(i, TimeSpan.FromMilliseconds(i * 100), i % 2 == 0 ? "192.0.2.1" : "192.0.2.2"))
            .ToList();

        Replay(events).Counts.AllowToReject.ShouldBe(0);
    }

    [Fact]
    public void Run_ReadAhead_MatchesListReport()
    {
        const string candidate = """
            id: limits
            version: "3"
            default: allow
            rules:
              - { id: repeat, when: 'count(client_ip, "1m") >= 4', action: deny }
              - { id: burst, when: 'rate(client_ip, "5s") > 6', action: throttle }
              - { id: per-client, when: 'rate(client_ip, "1m") > 30', action: throttle }
              - { id: per-user, when: 'rate(user_agent + user_id, "20s") > 3', action: challenge }
            """;
        var events = Enumerable.Range(0, 3_000)
            .Select(i => Request(i, TimeSpan.FromMilliseconds(i * 97), $"192.0.2.{i * 7 % 5}"))
            .ToList();
        foreach (var e in events.Where((_, i) => i % 4 != 0))
        {
            e.UserId = $"u{e.EventId[^1] % 3}";
        }

        PolicyReplayer Replayer() => new(Compile(candidate), Compile(RatePolicy), new ReplayComparerOptions());
        var next = 0;
        var readAhead = new ReadAheadEvents(chunk =>
        {
            var filled = 0;
            while (filled < chunk.Length && next < events.Count)
            {
                chunk[filled++] = events[next++];
            }

            return filled;
        }, chunkSize: 16, chunks: 3);

        var fromList = ReportJson.Serialize(Replayer().Run(events, "limits 3", "limits 2", Start));
        var fromReadAhead = ReportJson.Serialize(Replayer().Run(readAhead, "limits 3", "limits 2", Start));

        fromReadAhead.ShouldBe(fromList);
        fromList.ShouldContain("\"per-user\"");
        fromList.ShouldContain("\"burst\"");
    }

    [Fact]
    public void Run_CountKeyTwoColumns_SharesWindow()
    {
        const string candidate = """
            id: principals
            version: "1"
            default: allow
            rules:
              - { id: repeat, when: 'count(has(user_id) ? user_id : client_ip, "10m") >= 1', action: deny }
              - { id: bad-path, when: "path == '/bad'", action: deny }
            """;

        // The same address text reaches the key from user_id, then from client_ip, as separate string objects.
        // A pooling reader passes one object for each column's repeated value.
        var user = new string("10.0.0.1".AsSpan());
        var events = new List<DecisionEvent>
        {
            Request(0, TimeSpan.FromSeconds(1), "192.0.2.1"),
            Request(1, TimeSpan.FromSeconds(2), new string("10.0.0.1".AsSpan())),
            Request(2, TimeSpan.FromSeconds(3), "192.0.2.1"),
        };
        events[0].UserId = user;
        events[1].Path = "/bad";
        events[2].UserId = user;

        var report = new PolicyReplayer(Compile(candidate), Compile(AllowAll), new ReplayComparerOptions())
            .Run(events, "principals 1", "limits 1", Start);

        report.Counts.CandidateRejects.ShouldBe(2);
    }

    [Fact]
    public void Run_SameEventsTwice_GivesIdenticalReports()
    {
        var events = Enumerable.Range(0, 300)
            .Select(i => Request(i, TimeSpan.FromMilliseconds(i * 300), $"192.0.2.{i % 3}"))
            .ToList();

        var first = ReportJson.Serialize(Replay(events));
        var second = ReportJson.Serialize(Replay(events));

        second.ShouldBe(first);
    }

    [Fact]
    public void Run_RateWindowAtRangeStart_IsReportedAsUnfaithful()
    {
        var events = Enumerable.Range(0, 10).Select(i => Request(i, TimeSpan.FromSeconds(i * 10))).ToList();

        var unfaithful = Replay(events).Unfaithful.ShouldHaveSingleItem();

        unfaithful.Events.ShouldBe(6);
        unfaithful.Reason.ShouldContain("rate() and count() windows");
    }

    [Fact]
    public void Run_FieldTheSourceNeverLogs_IsReportedAsUnfaithful()
    {
        const string CountryPolicy = """
            id: geo
            version: "1"
            default: allow
            rules:
              - id: block-country
                when: has(country) && country == "XX"
                action: deny
                mode: enforce
            """;
        var replayer = new PolicyReplayer(Compile(CountryPolicy), null, new ReplayComparerOptions());

        var report = replayer.Run([Request(1, TimeSpan.Zero)], "geo 1", "logged decisions", Start);

        report.Unfaithful.ShouldHaveSingleItem().Reason.ShouldBe("source apache never logs country, which block-country read");
    }
}
