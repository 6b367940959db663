using System.Text.Json;

namespace PolicyLoop.Reports.Tests;

public sealed class ReportJsonTests
{
    [Fact]
    public void Serialize_Report_UsesSnakeCaseAndRoundTrips()
    {
        var report = ReportSamples.Hostile();

        var json = ReportJson.Serialize(report);
        var back = ReportJson.Deserialize(json).ShouldNotBeNull();

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("totals").GetProperty("evaluation_errors").GetInt64().ShouldBe(1);
        document.RootElement.GetProperty("top_user_agents")[0].GetProperty("value").GetString()
            .ShouldBe(ReportSamples.Escape);
        back.Rules[0].Examples[0].MatchedText.ShouldBe(ReportSamples.ScriptTag);
        back.Timeline.Count.ShouldBe(3);
    }
}
