using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Core;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Analysis.Tests.Replay;

public sealed class ReplayComparerTests
{
    private static readonly DateTime Start = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);

    private static DecisionEvent Event(int index, string client = "192.0.2.10") => new()
    {
        EventId = $"e{index}",
        Time = Start.AddMinutes(index),
        Source = "apache",
        ClientIp = client,
        UserAgent = "bot/1",
        Path = "/a",
        Status = 200,
    };

    private static EventOutcome Outcome(Decision decision, string? rule = null, bool error = false) =>
        new(decision, rule, rule is null ? [] : [new RuleMatch(rule, true, decision.ToName(), "rate(client_ip, \"1m\") > 50")],
            error ? ["broken"] : [])
        {
            ErrorMessages = error ? ["no such key: x"] : [],
        };

    private static ReplayComparer Comparer(params string[] critical) => new(new ReplayComparerOptions
    {
        CriticalRules = critical.ToHashSet(),
    });

    [Fact]
    public void Add_EachKindOfChange_CountsByDirectionAndRule()
    {
        var comparer = Comparer();
        comparer.Add(Event(1), Outcome(Decision.Allow), Outcome(Decision.Deny, "bots"));
        comparer.Add(Event(2), Outcome(Decision.Deny, "old-rate"), Outcome(Decision.Allow));
        comparer.Add(Event(3), Outcome(Decision.Deny, "x"), Outcome(Decision.Throttle, "rate"));
        comparer.Add(Event(4), Outcome(Decision.Deny, "x"), Outcome(Decision.Deny, "y"));
        comparer.Add(Event(5), Outcome(Decision.Allow), Outcome(Decision.Allow, error: true));

        var report = comparer.Build("edge v2", "edge v1", Start);

        report.Counts.ShouldBe(new ReplayCounts(5, 1, 3, 1, 1, 1, 1, 1, 3, 3));
        report.RuleChanges.ShouldContain(new RuleChange("bots", ChangeDirection.AllowToReject, "deny", 1, false));
        report.RuleChanges.ShouldContain(new RuleChange("old-rate", ChangeDirection.RejectToAllow, "deny", 1, false));
        report.RuleChanges.ShouldContain(new RuleChange("rate", ChangeDirection.ActionChanged, "throttle", 1, false));
        report.Errors.ShouldHaveSingleItem().ShouldBe(new RuleErrorCount("candidate", "broken", 1, "no such key: x"));
    }

    [Fact]
    public void Add_RandomOutcomes_CountsAlwaysReconcile()
    {
        var decisions = Gen.Elements(Decision.Allow, Decision.Deny, Decision.Throttle);
        var errors = Gen.Elements(false, false, false, true);
        var triples = from baseline in decisions
                      from candidate in decisions
                      from error in errors
                      select (Baseline: baseline, Candidate: candidate, Error: error);
        var pairs = triples.ListOf().ToArbitrary();

        Prop.ForAll(pairs, list =>
        {
            var comparer = Comparer();
            var index = 0;
            foreach (var (baseline, candidate, error) in list)
            {
                comparer.Add(Event(index++), Outcome(baseline, "b"), Outcome(candidate, "c", error));
            }

            var counts = comparer.Build("c", "b", Start).Counts;
            return counts.Considered == list.Count
                && counts.Considered == counts.Unchanged + counts.Changed + counts.Errors
                && counts.Changed == counts.AllowToReject + counts.RejectToAllow + counts.ActionChanged;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Build_CriticalRuleNowAllowing_IsFlagged()
    {
        var comparer = Comparer("sqli");
        comparer.Add(Event(1), Outcome(Decision.Deny, "sqli"), Outcome(Decision.Allow));

        comparer.Build("c", "b", Start).RuleChanges.ShouldHaveSingleItem().Critical.ShouldBeTrue();
    }

    [Fact]
    public void Build_NewlyRejected_ListsClientNetworkSegment()
    {
        var comparer = Comparer();
        comparer.Add(Event(1, "198.51.100.7"), Outcome(Decision.Allow), Outcome(Decision.Deny, "r"));
        comparer.Add(Event(2, "198.51.100.9"), Outcome(Decision.Allow), Outcome(Decision.Deny, "r"));

        var segments = comparer.Build("c", "b", Start).NewlyRejectedSegments;

        var clients = segments.Single(list => list.Attribute == "client /24");
        clients.Values.ShouldHaveSingleItem().Value.ShouldBe("198.51.100.0/24");
        clients.Values[0].Count.ShouldBe(2);
        segments.ShouldNotContain(list => list.Attribute == "country");
    }

    [Fact]
    public void Build_SameSeed_GivesSameSamplesWhateverTheOrder()
    {
        var forward = Comparer();
        var backward = Comparer();
        var events = Enumerable.Range(0, 100).Select(i => Event(i)).ToList();
        events.ForEach(e => forward.Add(e, Outcome(Decision.Allow), Outcome(Decision.Deny, "r")));
        events.AsEnumerable().Reverse().ToList().ForEach(e => backward.Add(e, Outcome(Decision.Allow), Outcome(Decision.Deny, "r")));

        var a = forward.Build("c", "b", Start).Samples.Select(sample => sample.EventId).ToList();
        var b = backward.Build("c", "b", Start).Samples.Select(sample => sample.EventId).ToList();

        a.Count.ShouldBe(10);
        b.ShouldBe(a);
    }

    [Fact]
    public void Build_Sample_CarriesRejectingClause()
    {
        var comparer = Comparer();
        comparer.Add(Event(1), Outcome(Decision.Deny, "old"), Outcome(Decision.Allow));

        var sample = comparer.Build("c", "b", Start).Samples.ShouldHaveSingleItem();

        sample.Direction.ShouldBe(ChangeDirection.RejectToAllow);
        sample.BaselineRule.ShouldBe("old");
        sample.Clause.ShouldBe("rate(client_ip, \"1m\") > 50");
    }
}
