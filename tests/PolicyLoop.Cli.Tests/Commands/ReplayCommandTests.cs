using System.Globalization;
using System.Text.Json;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed class ReplayCommandTests : IDisposable
{
    private const string RatePolicy = """
        id: limits
        version: "2"
        default: allow
        rules:
          - id: per-client
            when: rate(client_ip, "1m") > 50
            action: throttle
            mode: enforce
            tags: [rate-limit]
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-replay-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> IngestOutOfOrderAsync()
    {
        // 60 requests of one client within 30 seconds, written newest first.
        var start = new DateTime(2015, 5, 17, 10, 0, 0, DateTimeKind.Utc);
        var lines = Enumerable.Range(0, 60).Reverse().Select(i =>
        {
            var time = start.AddMilliseconds(i * 500).ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);
            return $"192.0.2.1 - - [{time}] \"GET /item/{i} HTTP/1.1\" 200 10 \"-\" \"curl/8\"";
        });
        var log = Path.Combine(_folder, "access.log");
        await File.WriteAllLinesAsync(log, lines, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, "limits.yaml"), RatePolicy, TestContext.Current.CancellationToken);
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", log]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());
        return log;
    }

    [Fact]
    public async Task Replay_OutOfOrderLog_ReplaysInTimeOrder()
    {
        await IngestOutOfOrderAsync();

        var result = await CliProcess.RunAsync(_folder, ["replay", "--policy", "limits.yaml", "--format", "json"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var counts = json.RootElement.GetProperty("counts");
        counts.GetProperty("considered").GetInt64().ShouldBe(60);
        counts.GetProperty("allow_to_reject").GetInt64().ShouldBe(10);
        counts.GetProperty("changed").GetInt64().ShouldBe(10);
        counts.GetProperty("unchanged").GetInt64().ShouldBe(50);
    }

    [Fact]
    public async Task Replay_SinceDuration_CountsBackFromLatestEvent()
    {
        await IngestOutOfOrderAsync();

        var result = await CliProcess.RunAsync(_folder, ["replay", "--policy", "limits.yaml", "--since", "10s", "--format", "json"]);

        // The access log keeps whole seconds, so two requests share each second from 0 s to 29 s, and the
        // 10 seconds before the latest (19 s to 29 s, both included) hold 22 of them.
        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("counts").GetProperty("considered").GetInt64().ShouldBe(22);
    }

    [Fact]
    public async Task Replay_FailOnThresholdCrossed_ExitsWithFindings()
    {
        await IngestOutOfOrderAsync();

        var crossed = await CliProcess.RunAsync(_folder, ["replay", "--policy", "limits.yaml", "--fail-on", "newly-rejected>5%"]);
        var within = await CliProcess.RunAsync(_folder, ["replay", "--policy", "limits.yaml", "--fail-on", "newly-rejected>20%"]);

        crossed.ExitCode.ShouldBe(1, crossed.ToString());
        crossed.Stderr.ShouldContain("newly-rejected>5% crossed");
        within.ExitCode.ShouldBe(0, within.ToString());
    }

    [Fact]
    public async Task Replay_MarkdownWithOut_WritesReportFiles()
    {
        await IngestOutOfOrderAsync();

        var result = await CliProcess.RunAsync(_folder, ["replay", "--policy", "limits.yaml", "--format", "markdown", "--out", "r"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldStartWith("### Replay: limits 2");
        File.Exists(Path.Combine(_folder, "r", "index.html")).ShouldBeTrue();
        File.Exists(Path.Combine(_folder, "r", "replay.json")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("--fail-on", "newly-rejected=5", "invalid --fail-on")]
    [InlineData("--since", "yesterday", "invalid --since")]
    public async Task Replay_BadArgument_ExitsWithUsageError(string option, string value, string message)
    {
        await IngestOutOfOrderAsync();

        var result = await CliProcess.RunAsync(_folder, ["replay", "--policy", "limits.yaml", option, value]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain(message);
    }

    [Fact]
    public async Task Replay_BrokenPolicy_ReportsPositionAndExitsWithUsageError()
    {
        await IngestOutOfOrderAsync();
        await File.WriteAllTextAsync(Path.Combine(_folder, "broken.yaml"), RatePolicy.Replace("client_ip", "clientip", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder, ["replay", "--policy", "broken.yaml"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("broken.yaml:6:");
    }

    [Fact]
    public async Task Replay_SinceAfterUntil_ExitsWithUsageError()
    {
        await IngestOutOfOrderAsync();

        var result = await CliProcess.RunAsync(_folder,
            ["replay", "--policy", "limits.yaml", "--since", "2015-05-19T00:00:00Z", "--until", "2015-05-18T00:00:00Z"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("is not before --until");
    }

    [Fact]
    public async Task Replay_EmptyRangeWithFailOn_ExitsWithFindings()
    {
        await IngestOutOfOrderAsync();

        var gated = await CliProcess.RunAsync(_folder,
            ["replay", "--policy", "limits.yaml", "--since", "2030-01-01T00:00:00Z", "--fail-on", "newly-rejected>1%"]);
        var plain = await CliProcess.RunAsync(_folder, ["replay", "--policy", "limits.yaml", "--since", "2030-01-01T00:00:00Z"]);

        gated.ExitCode.ShouldBe(1, gated.ToString());
        gated.Stderr.ShouldContain("nothing was replayed");
        plain.ExitCode.ShouldBe(0, plain.ToString());
    }
}
