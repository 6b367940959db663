using System.Text.Json;

namespace PolicyLoop.Reports.Tests.Replay;

public sealed class ReplayJsonTests
{
    [Fact]
    public void Serialize_ReplayReport_WritesDirectionsAsNamesAndRoundTrips()
    {
        var json = ReportJson.Serialize(ReplayReportSamples.Hostile());
        var back = ReportJson.DeserializeReplay(json).ShouldNotBeNull();

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("rule_changes")[0].GetProperty("direction").GetString().ShouldBe("AllowToReject");
        document.RootElement.GetProperty("counts").GetProperty("allow_to_reject").GetInt64().ShouldBe(60);
        back.Samples[0].MatchedText.ShouldBe(ReportSamples.ScriptTag);
    }
}
