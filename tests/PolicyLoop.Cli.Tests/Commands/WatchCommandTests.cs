namespace PolicyLoop.Cli.Tests.Commands;

public sealed class WatchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-watch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Watch_PolledTwice_SendsEachAlertOnce()
    {
        var log = Path.Combine(_folder, "access.log");
        var alertsFile = Path.Combine(_folder, "alerts.jsonl");
        await File.WriteAllTextAsync(
            log,
            GeneratedLogs.ApacheLog(hours: 168, perHour: 300, h => h switch { 100 => 0.3, 130 => 0.0, _ => 0.08 }),
            TestContext.Current.CancellationToken);
        (await CliProcess.RunAsync(_folder, ["ingest", log])).ExitCode.ShouldBe(0);
        string[] watch = ["watch", "--once", "--scope", "source", "--bucket", "1h", "--backfill", "7d", "--jsonl", alertsFile];

        var first = await CliProcess.RunAsync(_folder, watch);
        var second = await CliProcess.RunAsync(_folder, watch);

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stdout.ShouldContain("seasonal spike");
        first.Stdout.ShouldContain("seasonal drop");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stdout.ShouldNotContain("alert ");
        var lines = await File.ReadAllLinesAsync(alertsFile, TestContext.Current.CancellationToken);
        lines.Length.ShouldBe(2);
    }

    [Fact]
    public async Task Watch_FollowedLog_IngestsThenAlerts()
    {
        var log = Path.Combine(_folder, "access.log");
        await File.WriteAllTextAsync(
            log,
            GeneratedLogs.ApacheLog(hours: 120, perHour: 300, h => h == 100 ? 0.3 : 0.08),
            TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(
            _folder, ["watch", "--once", "--follow", log, "--scope", "source", "--bucket", "1h", "--backfill", "1d"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("seasonal spike");
        result.Stdout.ShouldContain("source=apache");
    }

    [Fact]
    public async Task Watch_InvalidWebhook_ExitsWithUsageError()
    {
        var log = Path.Combine(_folder, "access.log");
        await File.WriteAllTextAsync(log, GeneratedLogs.ApacheLog(2, 10, _ => 0), TestContext.Current.CancellationToken);
        (await CliProcess.RunAsync(_folder, ["ingest", log])).ExitCode.ShouldBe(0);

        var result = await CliProcess.RunAsync(_folder, ["watch", "--once", "--webhook", "ftp://127.0.0.1/x"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("invalid --webhook");
    }
}
