using System.Text.Json;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-analyze-").FullName;

    private static string SampleLog => Path.Combine(CliProcess.RepositoryRoot, "samples", "logs", "apache_access.log");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Analyze_BundledSample_WritesReportFiles()
    {
        var result = await CliProcess.RunAsync(_folder, ["analyze", SampleLog, "--out", "out"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain("10,000 events");
        var html = await File.ReadAllTextAsync(Path.Combine(_folder, "out", "index.html"), TestContext.Current.CancellationToken);
        html.ShouldContain("<svg");
        html.ShouldContain("66.249.73.135");
        using var json = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(_folder, "out", "report.json"), TestContext.Current.CancellationToken));
        json.RootElement.GetProperty("totals").GetProperty("events").GetInt64().ShouldBe(10_000);
        json.RootElement.GetProperty("totals").GetProperty("logged_rejects").GetInt64().ShouldBe(5);
        File.Exists(Path.Combine(_folder, "out", "report.md")).ShouldBeTrue();
    }

    [Fact]
    public async Task Analyze_HostileLogText_IsEncodedInHtml()
    {
        var log = Path.Combine(_folder, "hostile.log");
        var line = "192.0.2.9 - - [17/May/2015:10:05:03 +0000] \"GET /<script>alert(1)</script> HTTP/1.1\" 403 1 "
            + "\"-\" \"evil\u001b[2J\\\"><img src=x onerror=alert(2)>\"";
        await File.WriteAllTextAsync(log, line + "\n", TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder, ["analyze", log, "--out", "out"]);

        result.ExitCode.ShouldBe(0, result.ToString());
        var html = await File.ReadAllTextAsync(Path.Combine(_folder, "out", "index.html"), TestContext.Current.CancellationToken);
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<img src=x");
        html.ShouldNotContain("\u001b");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain(@"evil\x1b[2J&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    }

    [Fact]
    public async Task Analyze_UnwritableOutput_ExitsWithUsageError()
    {
        var blocker = Path.Combine(_folder, "file");
        await File.WriteAllTextAsync(blocker, "not a folder", TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder, ["analyze", SampleLog, "--out", Path.Combine(blocker, "out")]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--out");
    }

    [Fact]
    public async Task Analyze_OutIsAFile_FailsBeforeIngesting()
    {
        var file = Path.Combine(_folder, "afile");
        await File.WriteAllTextAsync(file, "x", TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder, ["analyze", SampleLog, "--out", "afile"]);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain("--out afile is a file, not a folder");
        Directory.Exists(Path.Combine(_folder, ".policyloop")).ShouldBeFalse();
    }
}
