using System.Text.Json;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed class IngestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-cli-").FullName;

    private static string SampleLog => Path.Combine(CliProcess.RepositoryRoot, "samples", "logs", "apache_access.log");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JsonElement OnlyInput(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("inputs").EnumerateArray().Single().Clone();
    }

    [Fact]
    public async Task Ingest_BundledSampleTwice_StoresOnceThenReportsDuplicates()
    {
        var first = await CliProcess.RunAsync(_folder, ["ingest", SampleLog, "--json"]);
        var second = await CliProcess.RunAsync(_folder, ["ingest", SampleLog, "--json"]);

        first.ExitCode.ShouldBe(0, first.ToString());
        var firstReport = OnlyInput(first);
        firstReport.GetProperty("format").GetString().ShouldBe("apache");
        firstReport.GetProperty("read").GetInt64().ShouldBe(10_000);
        firstReport.GetProperty("stored").GetInt64().ShouldBe(10_000);
        firstReport.GetProperty("lenient").GetInt64().ShouldBe(1);
        second.ExitCode.ShouldBe(0, second.ToString());
        var secondReport = OnlyInput(second);
        secondReport.GetProperty("stored").GetInt64().ShouldBe(0);
        secondReport.GetProperty("duplicates").GetInt64().ShouldBe(10_000);
        File.Exists(Path.Combine(_folder, ".policyloop", "events.duckdb")).ShouldBeTrue();
    }

    [Fact]
    public async Task Ingest_TableOutput_ShowsCountsPerInput()
    {
        var result = await CliProcess.RunAsync(_folder, ["ingest", SampleLog]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("10,000");
        result.Stdout.ShouldContain("parsed leniently");
    }

    [Fact]
    public async Task Ingest_StandardInput_ReadsDash()
    {
        var lines = string.Join('\n', File.ReadLines(SampleLog).Take(25));

        var result = await CliProcess.RunAsync(_folder, ["ingest", "-", "--json"], stdin: lines);

        result.ExitCode.ShouldBe(0, result.ToString());
        OnlyInput(result).GetProperty("stored").GetInt64().ShouldBe(25);
    }

    [Fact]
    public async Task Ingest_MissingFile_ExitsWithInputErrorNamingPath()
    {
        var result = await CliProcess.RunAsync(_folder, ["ingest", "no-such-file.log"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no-such-file.log");
        result.Stdout.ShouldNotContain("quarantined");
    }

    [Fact]
    public async Task Ingest_StrictWithQuarantinedRecord_ExitsWithFindings()
    {
        var log = Path.Combine(_folder, "bad.log");
        var good = File.ReadLines(SampleLog).First();
        await File.WriteAllTextAsync(log, good + "\n" + good.Replace("200", "OK", StringComparison.Ordinal) + "\n",
            TestContext.Current.CancellationToken);

        var lenient = await CliProcess.RunAsync(_folder, ["ingest", log, "--json", "--store", "a.duckdb"]);
        var strict = await CliProcess.RunAsync(_folder, ["ingest", log, "--json", "--store", "b.duckdb", "--strict"]);

        lenient.ExitCode.ShouldBe(0, lenient.ToString());
        OnlyInput(lenient).GetProperty("quarantined").GetInt64().ShouldBe(1);
        strict.ExitCode.ShouldBe(1, strict.ToString());
    }

    [Fact]
    public async Task Ingest_UnknownFormat_ExitsWithUsageError()
    {
        var result = await CliProcess.RunAsync(_folder, ["ingest", SampleLog, "--format", "syslog"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("syslog");
    }

    [Fact]
    public async Task Summary_AfterIngest_CountsDecisions()
    {
        await CliProcess.RunAsync(_folder, ["ingest", SampleLog]);

        var result = await CliProcess.RunAsync(_folder, ["summary", "--json"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("events").GetInt64().ShouldBe(10_000);
        var decisions = json.RootElement.GetProperty("by_decision").EnumerateArray()
            .ToDictionary(row => row.GetProperty("key").GetString()!, row => row.GetProperty("events").GetInt64());
        decisions["deny"].ShouldBe(2);
        decisions["error"].ShouldBe(3);
        decisions["allow"].ShouldBe(9_995);
    }

    [Fact]
    public async Task Summary_NoStore_ExitsWithHint()
    {
        var result = await CliProcess.RunAsync(_folder, ["summary"]);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("policyloop ingest");
    }

    [Fact]
    public async Task Ingest_SamplesFolder_SkipsNonLogFilesAndCompletes()
    {
        var folder = Path.Combine(CliProcess.RepositoryRoot, "samples", "logs");

        var result = await CliProcess.RunAsync(_folder, ["ingest", folder, "--json"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var inputs = json.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        var licence = inputs.Single(input => input.GetProperty("input").GetString()!.EndsWith("apache_access.LICENSE", StringComparison.Ordinal));
        licence.GetProperty("notes")[0].GetString().ShouldStartWith("skipped: not a log");
        inputs.ShouldAllBe(input => input.GetProperty("error").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Summary_EscapeCodesInRuleId_AreShownEscaped()
    {
        var log = Path.Combine(_folder, "hostile.jsonl");
        var line = "{\"time\":\"2025-03-11T09:00:00Z\",\"decision\":\"deny\",\"rule_id\":\"r\\u001b]0;title\\u0007\\u202e\"}";
        await File.WriteAllTextAsync(log, line + "\n", TestContext.Current.CancellationToken);
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", log]);
        ingest.ExitCode.ShouldBe(0, ingest.ToString());

        var result = await CliProcess.RunAsync(_folder, ["summary"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldNotContain("\u001b");
        result.Stdout.ShouldNotContain("\u202e");
        result.Stdout.ShouldContain(@"r\x1b]0;title\x07\u202e");
    }
}
