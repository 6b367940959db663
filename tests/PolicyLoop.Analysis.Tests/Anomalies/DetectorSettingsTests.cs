using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Tests.Anomalies;

public sealed class DetectorSettingsTests
{
    private static readonly ScopeKey WafXss = new(ScopeLevel.Rule, "aws-waf", "edge-acl", "xss-1");

    [Theory]
    [InlineData("source=aws-waf policy=edge-acl rule=xss-1", true)]
    [InlineData("source=aws-waf policy=* rule=*", true)]
    [InlineData("*rule=xss-?", true)]
    [InlineData("*", true)]
    [InlineData("source=aws-waf", false)]
    [InlineData("source=* policy=* rule=sqli*", false)]
    [InlineData("SOURCE=*", false)]
    public void Matches_ScopeText(string pattern, bool expected) =>
        new ScopePattern(pattern).Matches(WafXss.ToString()).ShouldBe(expected);

    [Fact]
    public void Matches_AgreesWithAnAnchoredRegex() =>
        Prop.ForAll(
            Gen.Elements('a', 'b', '*', '?').ArrayOf().Select(c => new string(c)).ToArbitrary(),
            Gen.Elements('a', 'b').ArrayOf().Select(c => new string(c)).ToArbitrary(),
            (pattern, text) =>
            {
                var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal)
                    .Replace(@"\?", ".", StringComparison.Ordinal) + "$";
                return new ScopePattern(pattern).Matches(text)
                    == Regex.IsMatch(text, regex, RegexOptions.NonBacktracking | RegexOptions.Singleline);
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void For_LaterMatchingOverride_WinsForTheSettingsItNames()
    {
        var settings = new DetectorSettings(
            new RateDetectorOptions(),
            [
                new ScopeOverride(new ScopePattern("source=aws-waf *"), 50, 4, null),
                new ScopeOverride(new ScopePattern("* rule=xss-*"), null, 6, TimeSpan.FromMinutes(30)),
                new ScopeOverride(new ScopePattern("source=nginx *"), 1, 1, TimeSpan.FromDays(1)),
            ]);

        var options = settings.For(WafXss);

        options.MinVolume.ShouldBe(50);
        options.SpikeZ.ShouldBe(6);
        options.Cooldown.ShouldBe(TimeSpan.FromMinutes(30));
        settings.For(WafXss with { RuleId = "sqli" }).SpikeZ.ShouldBe(4);
        settings.For(WafXss with { Source = "other", RuleId = "sqli" }).ShouldBe(new RateDetectorOptions());
    }
}
