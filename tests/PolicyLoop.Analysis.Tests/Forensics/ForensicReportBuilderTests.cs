using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Tests.Forensics;

public sealed class ForensicReportBuilderTests
{
    private static readonly DateTime Start = new(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);

    private static DecisionEvent Event(int index, int minute, string client, Decision logged = Decision.Allow) => new()
    {
        EventId = $"e{index}",
        Time = Start.AddMinutes(minute),
        Source = "apache",
        Decision = logged,
        ClientIp = client,
        UserAgent = "curl/8",
        Path = "/p" + (index % 3),
    };

    private static EventOutcome Deny(string rule, string? text = null) =>
        new(Decision.Deny, rule, [new RuleMatch(rule, true, "deny", "path.matches(\"x\")", text, text is null ? null : 0)], []);

    private static EventOutcome Allow(params string[] countRules) =>
        new(Decision.Allow, null, [.. countRules.Select(rule => new RuleMatch(rule, false, "count"))], []);

    [Fact]
    public void Build_MixedOutcomes_CountsRejectsSharesAndTopValues()
    {
        var builder = new ForensicReportBuilder(TimeSpan.FromMinutes(5));
        builder.Add(Event(1, 0, "192.0.2.1"), Deny("rate"));
        builder.Add(Event(2, 1, "192.0.2.1"), Deny("rate"));
        builder.Add(Event(3, 2, "192.0.2.2"), Deny("bot"));
        builder.Add(Event(4, 3, "192.0.2.3", Decision.Deny), Allow("geo-count"));

        var report = builder.Build("t", Start);

        report.Totals.Events.ShouldBe(4);
        report.Totals.Rejects.ShouldBe(3);
        report.Totals.LoggedRejects.ShouldBe(1);
        report.Rules.Select(rule => rule.RuleId).ShouldBe(["rate", "bot", "geo-count"]);
        report.Rules[0].ShareOfRejects.ShouldBe(2.0 / 3, 1e-12);
        report.Rules[2].Rejects.ShouldBe(0);
        report.Rules[2].NonDecidingMatches.ShouldBe(1);
        report.TopClients[0].Value.ShouldBe("192.0.2.1");
        report.TopClients[0].Count.ShouldBe(2);
    }

    [Fact]
    public void Build_DefaultDenyRejects_GetTheirOwnRow()
    {
        var builder = new ForensicReportBuilder(TimeSpan.FromMinutes(5));
        builder.Add(Event(1, 0, "192.0.2.1"), Deny("rate"));
        builder.Add(Event(2, 1, "192.0.2.2"), new EventOutcome(Decision.Deny, null, [], []));
        builder.Add(Event(3, 2, "192.0.2.3"), new EventOutcome(Decision.Deny, null, [new RuleMatch("geo-count", false, "count")], []));
        builder.Add(Event(4, 3, "192.0.2.4"), Allow());

        var report = builder.Build("t", Start);

        report.Totals.Rejects.ShouldBe(3);
        var row = report.Rules.Single(rule => rule.RuleId == ForensicReportBuilder.PolicyDefault);
        row.Rejects.ShouldBe(2);
        row.Action.ShouldBe("deny");
        row.Examples.Count.ShouldBe(2);
        report.Rules.Sum(rule => rule.Rejects).ShouldBe(report.Totals.Rejects);
    }

    [Fact]
    public void Build_GapInTraffic_FillsEmptyBucketsWithZeros()
    {
        var builder = new ForensicReportBuilder(TimeSpan.FromMinutes(5));
        builder.Add(Event(1, 0, "a"), Allow());
        builder.Add(Event(2, 21, "a"), Deny("r"));

        var report = builder.Build("t", Start);

        report.Timeline.Select(bucket => bucket.Events).ShouldBe([1L, 0, 0, 0, 1]);
        report.Timeline[4].Start.ShouldBe(Start.AddMinutes(20));
        report.Timeline[4].Rejects.ShouldBe(1);
    }

    [Fact]
    public void Build_ShuffledInput_ChoosesTheSameExamples()
    {
        var pairs = Enumerable.Range(0, 200).Select(i => (Event(i, i % 50, "c" + i), Deny("r", "m" + i))).ToList();
        var forward = new ForensicReportBuilder(TimeSpan.FromMinutes(5));
        var shuffled = new ForensicReportBuilder(TimeSpan.FromMinutes(5));
        pairs.ForEach(pair => forward.Add(pair.Item1, pair.Item2));
        pairs.OrderBy(pair => StableHash.Of(pair.Item1.EventId, 7)).ToList()
            .ForEach(pair => shuffled.Add(pair.Item1, pair.Item2));

        var a = forward.Build("t", Start).Rules.Single().Examples.Select(example => example.EventId);
        var b = shuffled.Build("t", Start).Rules.Single().Examples.Select(example => example.EventId);

        a.Count().ShouldBe(5);
        b.ShouldBe(a);
    }

    [Fact]
    public void Build_Examples_CarryClauseAndMatchedText()
    {
        var builder = new ForensicReportBuilder(TimeSpan.FromMinutes(5));
        builder.Add(Event(1, 0, "a"), Deny("sqli", "union select"));

        var example = builder.Build("t", Start).Rules.Single().Examples.Single();

        example.Clause.ShouldBe("path.matches(\"x\")");
        example.MatchedText.ShouldBe("union select");
        example.MatchOffset.ShouldBe(0);
    }

    [Fact]
    public void Build_RuleInfo_GivesActionAndDescription()
    {
        var rules = new Dictionary<string, RuleInfo> { ["r"] = new("throttle", "per-client limit") };
        var builder = new ForensicReportBuilder(TimeSpan.FromMinutes(5), rules);
        builder.Add(Event(1, 0, "a"), Deny("r"));

        var rule = builder.Build("t", Start).Rules.Single();

        rule.Action.ShouldBe("throttle");
        rule.Description.ShouldBe("per-client limit");
    }

    [Fact]
    public void Logged_RejectWithRule_DecidesByThatRule()
    {
        var e = Event(1, 0, "a", Decision.Deny);
        e.RuleId = "949110";
        e.MatchedRules = ["941320", "949110"];

        var outcome = EventOutcome.Logged(e);

        outcome.IsReject.ShouldBeTrue();
        outcome.DecidingRuleId.ShouldBe("949110");
        outcome.Matches.Single(match => match.Decided).RuleId.ShouldBe("949110");
        outcome.Matches.Count.ShouldBe(2);
    }

    [Fact]
    public void Logged_ShadowDeny_IsNotAReject()
    {
        var e = Event(1, 0, "a", Decision.Deny);
        e.Mode = EnforcementMode.Shadow;

        EventOutcome.Logged(e).IsReject.ShouldBeFalse();
    }

    [Fact]
    public void Logged_RejectWithoutRule_UsesPlaceholderRule()
    {
        var outcome = EventOutcome.Logged(Event(1, 0, "a", Decision.Deny));

        outcome.DecidingRuleId.ShouldBe(EventOutcome.NoRuleLogged);
        outcome.Matches.ShouldHaveSingleItem().Decided.ShouldBeTrue();
    }
}
