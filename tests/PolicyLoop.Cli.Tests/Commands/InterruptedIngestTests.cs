using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Tests.Commands;

public sealed class InterruptedIngestTests : IDisposable
{
    // Large enough that ingest takes seconds even when it is fast, so the kill lands mid-run.
    private const int Lines = 1_000_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("policyloop-kill-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteLargeLog()
    {
        var path = Path.Combine(_folder, "large.log");
        using var text = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        var start = new DateTime(2025, 3, 11, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < Lines; i++)
        {
            var time = start.AddSeconds(i).ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture);
            text.Write(string.Create(CultureInfo.InvariantCulture,
                $"192.0.2.{i % 250} - - [{time}] \"GET /item/{i} HTTP/1.1\" 200 {i % 5000} \"-\" \"curl/8.5\"\n"));
        }

        return path;
    }

    private long CountEvents()
    {
        using var store = DuckDbEventStore.Open(Path.Combine(_folder, ".policyloop", "events.duckdb"));
        return store.Summarize().Events;
    }

    [Fact]
    public async Task Ingest_KilledMidRun_RerunStoresTheRestWithoutDuplicates()
    {
        var log = WriteLargeLog();
        using (var process = Process.Start(CliProcess.StartInfo(_folder, "ingest", log, "--batch-size", "5000"))!)
        {
            // Waits for the first committed batch, then kills the process while it writes the rest.
            var storePath = Path.Combine(_folder, ".policyloop", "events.duckdb");
            var waited = Stopwatch.StartNew();
            while (!File.Exists(storePath) && waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var afterKill = CountEvents();
        var rerun = await CliProcess.RunAsync(_folder, ["ingest", log, "--json"]);

        afterKill.ShouldBeLessThan(Lines, "the process finished before it was killed; the test proves nothing");
        afterKill.ShouldBe(afterKill / 5000 * 5000, "a partial batch was committed");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        using var json = JsonDocument.Parse(rerun.Stdout);
        var report = json.RootElement.GetProperty("inputs")[0];
        report.GetProperty("stored").GetInt64().ShouldBe(Lines - afterKill);
        report.GetProperty("duplicates").GetInt64().ShouldBe(afterKill);
        CountEvents().ShouldBe(Lines);
    }
}
