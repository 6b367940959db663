using PolicyLoop.Core;

namespace PolicyLoop.Storage.Tests;

public sealed class ProjectedEventReaderTests : IDisposable
{
    private static readonly DateTime Noon = new(2025, 3, 11, 12, 0, 0, DateTimeKind.Utc);

    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private static DecisionEvent Event(int i) => new()
    {
        EventId = $"e{i:D3}",
        Time = Noon.AddSeconds(i % 7),
        Source = i % 2 == 0 ? "apache" : "nginx",
        Decision = i % 3 == 0 ? Decision.Deny : Decision.Allow,
        Mode = i % 5 == 0 ? EnforcementMode.Shadow : EnforcementMode.Enforce,
        RuleId = i % 3 == 0 ? "waf-1" : null,
        MatchedRules = i % 3 == 0 ? ["waf-1"] : [],
        ClientIp = $"192.0.2.{i}",
        Path = i % 4 == 0 ? null : $"/p/{i}",
        Status = i % 6 == 0 ? null : 200 + i,
        UserAgent = "curl/8",
        Labels = new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        Raw = "raw line",
    };

    private DuckDbEventStore StoreEvents(int count)
    {
        var store = DuckDbEventStore.Open(_temp.StorePath);
        store.StoreBatch([.. Enumerable.Range(0, count).Select(Event).Reverse()], []);
        return store;
    }

    private static List<DecisionEvent> ReadAll(ProjectedEventReader reader, int chunkSize)
    {
        var read = new List<DecisionEvent>();
        var chunk = new DecisionEvent?[chunkSize];
        int filled;
        do
        {
            filled = reader.Fill(chunk);

            // The events are reused by the next fill, so keep copies of the fields under test.
            read.AddRange(chunk.Take(filled).Select(e => new DecisionEvent
            {
                EventId = e!.EventId,
                Time = e.Time,
                Source = e.Source,
                Decision = e.Decision,
                Mode = e.Mode,
                Path = e.Path,
                Status = e.Status,
                Labels = e.Labels,
                MatchedRules = e.MatchedRules,
                ClientIp = e.ClientIp,
                Raw = e.Raw,
            }));
        }
        while (filled == chunkSize);

        return read;
    }

    [Fact]
    public void Fill_ChunksSmallerThanTheRead_ReturnsEventsInReadEventsOrder()
    {
        using var store = StoreEvents(25);
        var query = new EventQuery(Since: Noon.AddSeconds(1), Source: "apache");
        using var reader = store.ReadProjected(query, ["path", "status", "labels", "matched_rules"]);

        var projected = ReadAll(reader, chunkSize: 4);
        var complete = store.ReadEvents(query).ToList();

        projected.Select(e => e.EventId).ShouldBe(complete.Select(e => e.EventId));
        projected.Select(e => (e.Time, e.Source, e.Decision, e.Mode))
            .ShouldBe(complete.Select(e => (e.Time, e.Source, e.Decision, e.Mode)));
        projected.Select(e => (e.Path, e.Status)).ShouldBe(complete.Select(e => (e.Path, e.Status)));
        projected.Select(e => e.Labels["n"]).ShouldBe(complete.Select(e => e.Labels["n"]));
        projected.Select(e => string.Join(",", e.MatchedRules)).ShouldBe(complete.Select(e => string.Join(",", e.MatchedRules)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(1_000)]
    public void Fill_TimeSlices_ReturnsEventsInReadEventsOrder(long sliceEvents)
    {
        using var store = StoreEvents(40);
        var query = new EventQuery(Until: Noon.AddSeconds(6));
        using var reader = store.ReadProjected(query, ["path"], sliceEvents);

        var projected = ReadAll(reader, chunkSize: 5);

        projected.Select(e => e.EventId).ShouldBe(store.ReadEvents(query).Select(e => e.EventId));
    }

    [Fact]
    public void Fill_FieldsNotRequested_LeavesThemUnset()
    {
        using var store = StoreEvents(3);
        using var reader = store.ReadProjected(new EventQuery(), ["path"]);

        var projected = ReadAll(reader, chunkSize: 8);

        projected.Count.ShouldBe(3);
        projected.ShouldAllBe(e => e.ClientIp == null && e.Raw == null && e.Status == null);
    }

    [Fact]
    public void Fill_ReusedEvents_OverwritesNullsOfTheNextRows()
    {
        using var store = StoreEvents(8);
        using var reader = store.ReadProjected(new EventQuery(), ["path"]);
        var chunk = new DecisionEvent?[1];

        var paths = new List<string?>();
        while (reader.Fill(chunk) == 1)
        {
            paths.Add(chunk[0]!.Path);
        }

        paths.ShouldBe(store.ReadEvents(new EventQuery()).Select(e => e.Path));
        paths.ShouldContain(path => path == null);
    }

    [Fact]
    public void ReadProjected_UnknownField_RaisesArgumentException()
    {
        using var store = StoreEvents(1);

        var error = Should.Throw<ArgumentException>(() => store.ReadProjected(new EventQuery(), ["path; DROP TABLE events"]));

        error.Message.ShouldContain("unknown event column");
    }

    [Fact]
    public void LatestEventTime_PerSource_ReturnsNewestOrNull()
    {
        using var store = StoreEvents(10);

        store.LatestEventTime(null).ShouldBe(Noon.AddSeconds(6));
        store.LatestEventTime("nginx").ShouldBe(Noon.AddSeconds(5));
        store.LatestEventTime("opa").ShouldBeNull();
    }

    [Fact]
    public void Fill_EveryColumn_MatchesReadEvents()
    {
        var events = Enumerable.Range(0, 30).Select(i => new DecisionEvent
        {
            EventId = $"full-{i:D2}",
            Time = Noon.AddTicks(i * 37 * TimeSpan.TicksPerMicrosecond),
            Source = "waf",
            Decision = i % 2 == 0 ? Decision.Deny : Decision.Challenge,
            Mode = EnforcementMode.Enforce,
            PolicyId = "edge",
            PolicyVersion = "7",
            RuleId = "r" + (i % 3),
            MatchedRules = i % 3 == 0 ? [] : ["r1", "r2", "r" + i],
            Reason = i % 2 == 0 ? null : "blocked",
            ClientIp = "198.51.100." + (i % 4),
            UserId = "user",
            Roles = i % 2 == 0 ? ["admin", "ops"] : [],
            SessionId = "s" + i,
            Tenant = "acme",
            Method = "GET",
            Host = "example.org",

            // Short text sits inside DuckDB's string header and long text outside it; cover both, in several scripts.
            Path = i % 3 == 0 ? "/é" : "/päth/ünïcode/" + new string('x', i) + "/日本語/😀",
            Query = i % 5 == 0 ? null : "q=" + i,
            Status = i % 4 == 0 ? null : 200 + i,
            UserAgent = new string('A', 300 + i) + " Mozilla/5.0 ✓",
            Referer = "https://example.org/",
            Bytes = i % 6 == 0 ? null : 1L << (i % 40),
            Content = "prompt " + i,
            Scores = new Dictionary<string, double> { ["toxicity"] = i / 100.0 },
            Country = "SE",
            Asn = "AS3301",
            Org = "Telia",
            Labels = new Dictionary<string, string> { ["team"] = "web", ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Attributes = """{"k":1}""",
            Raw = "raw ✓ " + i,
            Lenient = i % 7 == 0,
        }).ToList();
        using var store = DuckDbEventStore.Open(_temp.StorePath);
        store.StoreBatch(events, []);
        var columns = new[]
        {
            "policy_id", "policy_version", "rule_id", "matched_rules", "reason", "client_ip", "user_id", "roles", "session_id",
            "tenant", "method", "host", "path", "query", "status", "user_agent", "referer", "bytes", "content", "scores",
            "country", "asn", "org", "labels", "attributes", "raw", "lenient",
        };
        using var reader = store.ReadProjected(new EventQuery(), columns);

        var read = new List<string>();
        var chunk = new DecisionEvent?[7];
        int filled;
        do
        {
            filled = reader.Fill(chunk);
            read.AddRange(chunk.Take(filled).Select(e => Describe(e!)));
        }
        while (filled == chunk.Length);

        read.ShouldBe(store.ReadEvents(new EventQuery()).Select(Describe));
    }

    [Fact]
    public void Fill_TiedAstralIds_UseDuckDbOrder()
    {
        // UTF-16 puts U+FF21 after the surrogates of U+1F600; UTF-8 and DuckDB put it before.
        var ids = new[] { "id-\U0001F600", "id-\uFF21", "id-b", "id-a", "id-\u00E9" };
        using var store = DuckDbEventStore.Open(_temp.StorePath);
        store.StoreBatch([.. ids.Select(id => new DecisionEvent { EventId = id, Time = Noon, Source = "s" })], []);
        using var reader = store.ReadProjected(new EventQuery(), ["path"]);

        var projected = ReadAll(reader, chunkSize: 2).Select(e => e.EventId).ToList();

        projected.ShouldBe(store.ReadEvents(new EventQuery()).Select(e => e.EventId));
        projected.IndexOf("id-\uFF21").ShouldBeLessThan(projected.IndexOf("id-\U0001F600"));
    }

    [Fact]
    public void Fill_RepeatedText_SharesOneString()
    {
        using var store = StoreEvents(12);
        using var reader = store.ReadProjected(new EventQuery(), ["user_agent"]);
        var chunk = new DecisionEvent?[12];

        reader.Fill(chunk).ShouldBe(12);

        chunk.Select(e => e!.UserAgent).Distinct(ReferenceEqualityComparer.Instance).Count().ShouldBe(1);
    }

    private static string Describe(DecisionEvent e) => string.Join("|",
        e.EventId, e.Time.ToString("O", System.Globalization.CultureInfo.InvariantCulture), e.Time.Kind, e.Source, e.Decision, e.Mode,
        e.PolicyId, e.PolicyVersion, e.RuleId, string.Join(",", e.MatchedRules), e.Reason, e.ClientIp, e.UserId,
        string.Join(",", e.Roles), e.SessionId, e.Tenant, e.Method, e.Host, e.Path, e.Query, e.Status, e.UserAgent, e.Referer,
        e.Bytes, e.Content, string.Join(",", e.Scores.Select(p => $"{p.Key}={p.Value}")), e.Country, e.Asn, e.Org,
        string.Join(",", e.Labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
        e.Attributes, e.Raw, e.Lenient);
}
