using Microsoft.Extensions.Time.Testing;
using PolicyLoop.Core;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Storage.Tests;

public sealed class DuckDbEventStoreBaselineTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private static DecisionEvent Event(int i, int minute, Decision decision, string? rule) => new()
    {
        EventId = $"e{i}",
        Time = Start.AddMinutes(minute).AddSeconds(i % 60),
        Source = "waf",
        PolicyId = "edge",
        Decision = decision,
        RuleId = rule,
    };

    private static List<DecisionEvent> Generate(int count, int seed, int offset)
    {
        var random = new Random(seed);
        return Enumerable.Range(offset, count)
            .Select(i => Event(
                i,
                random.Next(0, 120),
                random.Next(4) == 0 ? Decision.Deny : Decision.Allow,
                random.Next(3) switch { 0 => "sqli", 1 => "xss", _ => null }))
            .ToList();
    }

    [Fact]
    public void ReadRateSeries_RuleLevel_MatchesMemoryCounts()
    {
        var events = Generate(2000, seed: 3, offset: 0);
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.StoreBatch(events, []);

        store.UpdateBaselines(ScopeLevel.Rule, FiveMinutes);
        var series = store.ReadRateSeries(ScopeLevel.Rule, FiveMinutes);

        var sqli = series.Single(s => s.Scope.RuleId == "sqli");
        sqli.Points.Count.ShouldBe(24);
        for (var b = 0; b < 24; b++)
        {
            var inBucket = events.Where(e => (int)((e.Time - Start).TotalMinutes / 5) == b).ToList();
            sqli.Points[b].Total.ShouldBe(inBucket.Count);
            sqli.Points[b].Rejects.ShouldBe(inBucket.Count(e => e.Decision == Decision.Deny && e.RuleId == "sqli"));
        }
    }

    [Fact]
    public void UpdateBaselines_LaterEvents_MatchesScratch()
    {
        var first = Generate(1500, seed: 5, offset: 0);
        var second = Generate(700, seed: 6, offset: 10_000);
        using (var store = DuckDbEventStore.Open(_temp.StorePath, _time))
        {
            store.StoreBatch(first, []);
            store.UpdateBaselines(ScopeLevel.Rule, FiveMinutes);
            _time.Advance(TimeSpan.FromMinutes(1));
            store.StoreBatch(second, []);
            store.UpdateBaselines(ScopeLevel.Rule, FiveMinutes).ShouldBeGreaterThan(0);
        }

        var scratchPath = Path.Combine(_temp.Folder, "scratch.duckdb");
        using var incremental = DuckDbEventStore.Open(_temp.StorePath, _time);
        using var scratch = DuckDbEventStore.Open(scratchPath, _time);
        scratch.StoreBatch([.. first, .. second], []);
        scratch.UpdateBaselines(ScopeLevel.Rule, FiveMinutes);

        var expected = scratch.ReadRateSeries(ScopeLevel.Rule, FiveMinutes);
        var actual = incremental.ReadRateSeries(ScopeLevel.Rule, FiveMinutes);
        actual.Select(s => s.Scope).ShouldBe(expected.Select(s => s.Scope));
        for (var i = 0; i < expected.Count; i++)
        {
            actual[i].Points.ShouldBe(expected[i].Points);
        }
    }

    [Fact]
    public void UpdateBaselines_NothingNew_RecomputesNothing()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.StoreBatch(Generate(100, seed: 1, offset: 0), []);
        store.UpdateBaselines(ScopeLevel.Source, FiveMinutes);

        store.UpdateBaselines(ScopeLevel.Source, FiveMinutes).ShouldBe(0);
    }

    [Fact]
    public void ReadRateSeries_Client24Segment_SplitsRuleByNetwork()
    {
        var events = Generate(2000, seed: 7, offset: 0);
        for (var i = 0; i < events.Count; i++)
        {
            events[i].ClientIp = i % 3 == 0 ? $"198.51.100.{i % 250}" : i % 3 == 1 ? $"203.0.113.{i % 250}" : "2001:db8::1";
        }

        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.StoreBatch(events, []);

        store.UpdateBaselines(ScopeLevel.Rule, FiveMinutes, Segment.Client24);
        var series = store.ReadRateSeries(ScopeLevel.Rule, FiveMinutes, Segment.Client24);

        var sqli = series.Where(s => s.Scope.RuleId == "sqli").ToDictionary(s => s.Scope.SegmentValue);
        sqli.Keys.Order().ShouldBe(["198.51.100.0/24", "2001:db8::1", "203.0.113.0/24"]);
        var network = sqli["198.51.100.0/24"];
        network.Scope.ToString().ShouldBe("source=waf policy=edge rule=sqli client24=198.51.100.0/24");
        for (var b = 0; b < network.Points.Count; b++)
        {
            var inBucket = events.Where(e => (int)((e.Time - Start).TotalMinutes / 5) == b && e.ClientIp!.StartsWith("198.51.100.", StringComparison.Ordinal)).ToList();
            network.Points[b].Total.ShouldBe(inBucket.Count);
            network.Points[b].Rejects.ShouldBe(inBucket.Count(e => e.Decision == Decision.Deny && e.RuleId == "sqli"));
        }
    }

    [Fact]
    public void UpdateBaselines_SegmentAndPlain_KeepSeparateCounts()
    {
        var events = Generate(500, seed: 8, offset: 0);
        events.ForEach(e => e.Country = e.EventId.EndsWith('1') ? "DE" : null);
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.StoreBatch(events, []);

        store.UpdateBaselines(ScopeLevel.Source, FiveMinutes, Segment.Country);
        store.UpdateBaselines(ScopeLevel.Source, FiveMinutes);
        var plain = store.ReadRateSeries(ScopeLevel.Source, FiveMinutes);
        var byCountry = store.ReadRateSeries(ScopeLevel.Source, FiveMinutes, Segment.Country);

        plain.ShouldHaveSingleItem().Points.Sum(p => p.Total).ShouldBe(500);
        byCountry.Select(s => s.Scope.ToString()).ShouldBe(["source=waf country=-", "source=waf country=DE"]);
        byCountry.Sum(s => s.Points.Sum(p => p.Total)).ShouldBe(500);
        store.UpdateBaselines(ScopeLevel.Source, FiveMinutes, Segment.Country).ShouldBe(0);
    }
}
