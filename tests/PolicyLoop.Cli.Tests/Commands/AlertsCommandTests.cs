using System.Text.Json;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed class AlertsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-alerts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SampleLog => Path.Combine(CliProcess.RepositoryRoot, "samples", "logs", "apache_access.log");

    private async Task<List<JsonElement>> IngestAndListAlerts(string log, params string[] options)
    {
        var path = Path.Combine(_folder, "access.log");
        await File.WriteAllTextAsync(path, log);
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", path]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());
        return await ListAlerts(options);
    }

    private async Task<List<JsonElement>> ListAlerts(params string[] options)
    {
        var result = await CliProcess.RunAsync(_folder, ["alerts", "--json", .. options]);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    [Fact]
    public async Task Alerts_BundledSample_RunsWithoutAlerts()
    {
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", SampleLog]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());

        var alerts = await CliProcess.RunAsync(_folder, ["alerts", "--scope", "source", "--bucket", "1h", "--min-volume", "50"]);
        var baseline = await CliProcess.RunAsync(_folder, ["baseline", "--scope", "source", "--bucket", "1h"]);

        // The sample contains 5 rejects in 10,000 requests over four days: nothing to alert on.
        alerts.ExitCode.ShouldBe(0, alerts.ToString());
        alerts.Stdout.ShouldContain("0 alerts");
        baseline.ExitCode.ShouldBe(0, baseline.ToString());
        baseline.Stdout.ShouldContain("source=apache");
    }

    [Fact]
    public async Task Alerts_SteadyGeneratedWeek_RaisesNoAlert()
    {
        var log = GeneratedLogs.ApacheLog(hours: 168, perHour: 300, _ => 0.05);

        var alerts = await IngestAndListAlerts(log, "--scope", "source", "--bucket", "1h");

        alerts.ShouldBeEmpty(string.Join("\n", alerts));
    }

    [Fact]
    public async Task Alerts_InjectedSpikeAndDrop_CatchesBoth()
    {
        var log = GeneratedLogs.ApacheLog(hours: 168, perHour: 300, h => h switch { 100 => 0.3, 130 => 0.0, _ => 0.08 });

        var alerts = await IngestAndListAlerts(log, "--scope", "source", "--bucket", "1h");

        var spike = alerts.Where(a => a.GetProperty("kind").GetString() == "spike").ShouldHaveSingleItem();
        spike.GetProperty("bucket_start").GetDateTime().ShouldBe(GeneratedLogs.Start.AddHours(100));
        spike.GetProperty("detector").GetString().ShouldBe("seasonal");
        spike.GetProperty("expected_rate").GetDouble().ShouldBe(0.08, tolerance: 0.02);
        spike.GetProperty("scope").GetString().ShouldBe("source=apache");
        var drop = alerts.Where(a => a.GetProperty("kind").GetString() == "drop").ShouldHaveSingleItem();
        drop.GetProperty("bucket_start").GetDateTime().ShouldBe(GeneratedLogs.Start.AddHours(130));
        alerts.Count.ShouldBe(2, string.Join("\n", alerts));
    }

    [Fact]
    public async Task Baseline_Client24Segment_ShowsOneScopePerNetwork()
    {
        (await CliProcess.RunAsync(_folder, ["ingest", SampleLog])).ExitCode.ShouldBe(0);

        var result = await CliProcess.RunAsync(_folder, ["baseline", "--scope", "source", "--bucket", "1h", "--segment", "client24", "--json"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("source=apache client24=");
        result.Stdout.ShouldContain(".0/24");
    }

    [Fact]
    public async Task Alerts_UnknownSegment_ExitsWithUsageError()
    {
        (await CliProcess.RunAsync(_folder, ["ingest", SampleLog])).ExitCode.ShouldBe(0);

        var result = await CliProcess.RunAsync(_folder, ["alerts", "--segment", "city"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("invalid --segment 'city'");
    }

    [Fact]
    public async Task Alerts_SettingsFileRaisesZForTheScope_DropsTheSpikeOnly()
    {
        var log = GeneratedLogs.ApacheLog(hours: 168, perHour: 300, h => h switch { 100 => 0.3, 130 => 0.0, _ => 0.08 });
        var settings = Path.Combine(_folder, "settings.yaml");
        await File.WriteAllTextAsync(settings, "scopes:\n  - match: \"source=apache\"\n    z: 1000\n", TestContext.Current.CancellationToken);

        var alerts = await IngestAndListAlerts(log, "--scope", "source", "--bucket", "1h", "--settings", settings);

        alerts.ShouldNotContain(a => a.GetProperty("kind").GetString() == "spike");
    }

    [Fact]
    public async Task Alerts_BadSettingsFile_ExitsWithUsageError()
    {
        (await CliProcess.RunAsync(_folder, ["ingest", SampleLog])).ExitCode.ShouldBe(0);
        var settings = Path.Combine(_folder, "settings.yaml");
        await File.WriteAllTextAsync(settings, "defaults:\n  z: high\n", TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder, ["alerts", "--settings", settings]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("settings.yaml:2:6: invalid z 'high'");
    }

    [Fact]
    public async Task Alerts_RuleGoesSilent_RaisesSilence()
    {
        GeneratedLogs.WriteRuleEvents(Path.Combine(_folder, ".policyloop", "events.duckdb"), buckets: 864, xssStopsAtBucket: 600);

        var alerts = await ListAlerts("--since", "2026-03-02T00:00:00Z");

        var silence = alerts.Where(a => a.GetProperty("kind").GetString() == "silence").ShouldHaveSingleItem();
        silence.GetProperty("rule_id").GetString().ShouldBe("xss");
        silence.GetProperty("detector").GetString().ShouldBe("silence");
        silence.GetProperty("bucket_start").GetDateTime().ShouldBeInRange(
            GeneratedLogs.Start.AddMinutes(5 * 600), GeneratedLogs.Start.AddMinutes(5 * 606));
        alerts.ShouldAllBe(a => a.GetProperty("rule_id").GetString() == "xss");
    }

    [Fact]
    public async Task Alerts_InvalidBucket_ExitsWithUsageError()
    {
        GeneratedLogs.WriteRuleEvents(Path.Combine(_folder, ".policyloop", "events.duckdb"), buckets: 2, xssStopsAtBucket: 2);

        var result = await CliProcess.RunAsync(_folder, ["alerts", "--bucket", "5x"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("invalid --bucket '5x'");
    }
}
