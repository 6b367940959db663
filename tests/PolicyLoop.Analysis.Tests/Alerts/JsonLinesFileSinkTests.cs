using System.Text.Json;
using PolicyLoop.Analysis.Alerts;
using PolicyLoop.Analysis.Anomalies;
using PolicyLoop.Core.Baselines;

namespace PolicyLoop.Analysis.Tests.Alerts;

public sealed class JsonLinesFileSinkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-sink-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SendAsync_TwoAlerts_AppendsTwoJsonLines()
    {
        var path = Path.Combine(_folder, "alerts.jsonl");
        var scope = new ScopeKey(ScopeLevel.Source, "nginx", "", "");
        var alert = new Anomaly(
            scope, new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(5),
            AnomalyKind.Silence, "silence", 0, 0.02, 0, 0.05, 900, 0, "no rejects");

        await using (var sink = new JsonLinesFileSink(path))
        {
            await sink.SendAsync(alert, TestContext.Current.CancellationToken);
            await sink.SendAsync(alert with { Kind = AnomalyKind.Drop }, TestContext.Current.CancellationToken);
        }

        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        lines.Length.ShouldBe(2);
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("kind").GetString().ShouldBe("silence");
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("kind").GetString().ShouldBe("drop");
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("policy_id").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
