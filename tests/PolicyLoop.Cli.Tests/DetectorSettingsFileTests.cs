using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Cli.Tests;

public sealed class DetectorSettingsFileTests
{
    [Fact]
    public void Parse_DefaultsAndScopes_AppliesBoth()
    {
        const string yaml = """
            defaults:
              min_volume: 100
              cooldown: 1h
            scopes:
              - match: "source=waf policy=* rule=xss-*"
                z: 5
                min_volume: 20
            """;

        var settings = DetectorSettingsFile.Parse(yaml, "settings.yaml", new RateDetectorOptions());

        settings.Defaults.MinVolume.ShouldBe(100);
        settings.Defaults.Cooldown.ShouldBe(TimeSpan.FromHours(1));
        var xss = settings.For(new ScopeKey(ScopeLevel.Rule, "waf", "edge", "xss-1"));
        xss.SpikeZ.ShouldBe(5);
        xss.MinVolume.ShouldBe(20);
        xss.Cooldown.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEachWithItsLine()
    {
        const string yaml = """
            defaults:
              min_volume: -3
            scopes:
              - z: 4
              - match: "*"
                cooldown: soon
                treshold: 2
            extra: 1
            """;

        var error = Should.Throw<UsageException>(() => DetectorSettingsFile.Parse(yaml, "s.yaml", new RateDetectorOptions()));

        error.Message.ShouldContain("s.yaml:2:15: invalid min_volume '-3'");
        error.Message.ShouldContain("s.yaml:4:5: a scope entry needs match");
        error.Message.ShouldContain("s.yaml:6:15: invalid cooldown 'soon'");
        error.Message.ShouldContain("s.yaml:7:5: unknown setting 'treshold'");
        error.Message.ShouldContain("s.yaml:8:1: unknown section 'extra'");
    }

    [Fact]
    public void Parse_InvalidYaml_NamesThePosition()
    {
        var error = Should.Throw<UsageException>(() => DetectorSettingsFile.Parse("scopes: [", "s.yaml", new RateDetectorOptions()));

        error.Message.ShouldStartWith("s.yaml:");
        error.Message.ShouldContain("invalid YAML");
    }
}
