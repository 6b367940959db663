using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Tests;

public sealed class DecisionNamesTests
{
    [Theory]
    [InlineData("deny", Decision.Deny)]
    [InlineData(" DENY ", Decision.Deny)]
    [InlineData("Challenge", Decision.Challenge)]
    [InlineData("unknown", Decision.Unknown)]
    public void TryParseDecision_AnyCaseOrSpacing_Parses(string text, Decision expected)
    {
        DecisionNames.TryParseDecision(text, out var decision).ShouldBeTrue();
        decision.ShouldBe(expected);
    }

    [Theory]
    [InlineData("block")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseDecision_OtherText_Fails(string? text) =>
        DecisionNames.TryParseDecision(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("shadow", EnforcementMode.Shadow)]
    [InlineData(" Shadow", EnforcementMode.Shadow)]
    [InlineData("ENFORCE", EnforcementMode.Enforce)]
    public void TryParseMode_AnyCaseOrSpacing_Parses(string text, EnforcementMode expected)
    {
        DecisionNames.TryParseMode(text, out var mode).ShouldBeTrue();
        mode.ShouldBe(expected);
    }

    [Fact]
    public void TryParseMode_OtherText_FailsAsEnforce()
    {
        DecisionNames.TryParseMode("dry-run", out var mode).ShouldBeFalse();
        mode.ShouldBe(EnforcementMode.Enforce);
    }
}
