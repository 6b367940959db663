using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Tests.Review;

public sealed class ReviewSamplerTests
{
    private static readonly string[] Rules = ["deny-bots", "deny-probes", "throttle", "rare"];

    private static List<AttributedReject> Rejects(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            // The last rule is rare: about one reject in fifty.
            var rule = random.Next(50) == 0 ? Rules[3] : Rules[random.Next(3)];
            var decisionEvent = new DecisionEvent
            {
                EventId = $"e{i}",
                Source = "apache",
                Decision = Decision.Deny,
                ClientIp = $"192.0.{random.Next(2, 5)}.{random.Next(1, 40)}",
            };
            return new AttributedReject(decisionEvent, rule, "edge", "1", EventOutcome.Logged(decisionEvent));
        })];
    }

    [Theory]
    [InlineData(SampleStrategy.Random)]
    [InlineData(SampleStrategy.Stratified)]
    [InlineData(SampleStrategy.NearThreshold)]
    [InlineData(SampleStrategy.Unseen)]
    public void Draw_SameSeed_SameBatch(SampleStrategy strategy)
    {
        var rejects = Rejects(2000, seed: 1);
        var request = new SampleRequest("b", strategy, 40, Seed: 99);

        var first = ReviewSampler.Draw(rejects, new HashSet<string>(), request);
        var second = ReviewSampler.Draw([.. rejects.AsEnumerable().Reverse()], new HashSet<string>(), request);

        first.Count.ShouldBe(40);
        second.Select(s => s.EventId).ShouldBe(first.Select(s => s.EventId));
    }

    [Fact]
    public void Draw_OtherSeed_OtherBatch()
    {
        var rejects = Rejects(2000, seed: 1);

        var first = ReviewSampler.Draw(rejects, new HashSet<string>(), new SampleRequest("b", SampleStrategy.Random, 40, 1));
        var second = ReviewSampler.Draw(rejects, new HashSet<string>(), new SampleRequest("b", SampleStrategy.Random, 40, 2));

        second.Select(s => s.EventId).ShouldNotBe(first.Select(s => s.EventId));
    }

    [Fact]
    public void Draw_RepeatedBatches_NeverDrawsAnEventTwice()
    {
        var strategies = Gen.Elements(SampleStrategy.Random, SampleStrategy.Stratified, SampleStrategy.NearThreshold,
            SampleStrategy.Unseen);
        var cases = from plan in Gen.ListOf(Gen.Zip(strategies, Gen.Choose(1, 60)))
                    from seed in Gen.Choose(0, 1000)
                    select (plan, seed);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rejects = Rejects(300, c.seed);
            var excluded = new HashSet<string>();
            foreach (var (strategy, size) in c.plan)
            {
                var drawn = ReviewSampler.Draw(rejects, excluded, new SampleRequest("b", strategy, size, (ulong)c.seed));
                foreach (var sample in drawn)
                {
                    if (!excluded.Add(sample.EventId))
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Draw_Stratified_ReviewsRareRule()
    {
        var rejects = Rejects(2000, seed: 3);
        var rare = rejects.Count(r => r.RuleId == "rare");

        var drawn = ReviewSampler.Draw(rejects, new HashSet<string>(), new SampleRequest("b", SampleStrategy.Stratified, 40, 5));

        var rareDrawn = drawn.Where(s => s.RuleId == "rare").ToList();
        rareDrawn.Count.ShouldBe(Math.Min(10, rare));
        rareDrawn[0].InclusionProbability.ShouldBe((double)rareDrawn.Count / rare);
        rareDrawn[0].Stratum.ShouldBe("rule:rare");
    }

    [Fact]
    public void Draw_StratifiedBySegment_CoversEveryPair()
    {
        var rejects = Rejects(2000, seed: 3);
        var pairs = rejects.Select(r => (r.RuleId, ClientPrefix.Of(r.Event.ClientIp))).Distinct().Count();

        var drawn = ReviewSampler.Draw(rejects, new HashSet<string>(),
            new SampleRequest("b", SampleStrategy.Stratified, pairs, 5, BySegment: true));

        drawn.Select(s => s.Stratum).Distinct().Count().ShouldBe(pairs);
        drawn.ShouldContain(s => s.Stratum == "rule:rare network:192.0.3.0/24");
    }

    [Fact]
    public void Draw_Random_RecordsInclusionProbability()
    {
        var rejects = Rejects(500, seed: 4);

        var drawn = ReviewSampler.Draw(rejects, new HashSet<string> { "e0", "e1" }, new SampleRequest("b", SampleStrategy.Random, 50, 5));

        drawn.ShouldAllBe(s => s.InclusionProbability == 50.0 / 498);
        drawn.Select(s => s.Position).ShouldBe(Enumerable.Range(1, 50));
    }

    [Fact]
    public void Draw_NearThreshold_HasNoInclusionProbability()
    {
        var drawn = ReviewSampler.Draw(Rejects(100, seed: 4), new HashSet<string>(),
            new SampleRequest("b", SampleStrategy.NearThreshold, 10, 5));

        drawn.ShouldAllBe(s => s.InclusionProbability == null);
    }

    [Fact]
    public void Allocate_SmallStratum_GivesRestToOthers()
    {
        ReviewSampler.Allocate([2, 100, 100], 30).ShouldBe([2, 14, 14]);
        ReviewSampler.Allocate([1, 1], 30).ShouldBe([1, 1]);
    }
}
