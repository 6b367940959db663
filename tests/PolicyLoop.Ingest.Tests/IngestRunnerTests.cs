using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Storage;

namespace PolicyLoop.Ingest.Tests;

public sealed class IngestRunnerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyloop-ingest-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string WriteLog(params string[] lines)
    {
        var path = Path.Combine(_folder.FullName, "decisions.jsonl");
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    private static string Line(int id, string path = "/a") =>
        $$"""{"event_id":"e{{id}}","time":"2026-11-01T00:00:0{{id % 10}}Z","decision":"deny","path":"{{path}}","x":"é{{id}}"}""";

    private static async Task<FileIngestReport> IngestAsync(DuckDbEventStore store, string path, int batchSize = 3)
    {
        var options = new IngestOptions { Format = LogFormat.Jsonl, BatchSize = batchSize };
        var runner = new IngestRunner(store, options, NullLogger<IngestRunner>.Instance);
        var inputs = InputResolver.Resolve([path], () => Stream.Null, out _);
        return (await runner.RunAsync(inputs, TestContext.Current.CancellationToken))[0];
    }

    private static List<string> Column(DuckDbEventStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    [Fact]
    public async Task RunAsync_JsonlFile_StoresRawBytesOfEachLine()
    {
        var lines = Enumerable.Range(0, 10).Select(i => Line(i)).ToArray();
        var path = WriteLog(lines);
        using var store = DuckDbEventStore.Open(Path.Combine(_folder.FullName, "events.duckdb"));

        var report = await IngestAsync(store, path);

        report.Read.ShouldBe(10);
        report.Stored.ShouldBe(10);
        Column(store, "SELECT raw FROM events ORDER BY input_line").ShouldBe(lines);
        Column(store, "SELECT attributes->>'x' FROM events ORDER BY input_line")[3].ShouldBe("é3");
    }

    [Fact]
    public async Task RunAsync_SameFileTwice_StoresNothingNew()
    {
        var path = WriteLog([.. Enumerable.Range(0, 8).Select(i => Line(i))]);
        using var store = DuckDbEventStore.Open(Path.Combine(_folder.FullName, "events.duckdb"));
        await IngestAsync(store, path);

        var again = await IngestAsync(store, path);

        again.Stored.ShouldBe(0);
        again.Duplicates.ShouldBe(8);
        again.Conflicts.ShouldBe(0);
        Column(store, "SELECT count(*)::VARCHAR FROM events").ShouldBe(["8"]);
    }

    [Fact]
    public async Task RunAsync_DuplicatesAndBadLines_Reconciles()
    {
        var path = WriteLog(Line(1, "/first"), Line(2), "{\"time\":\"later\"}", Line(1, "/second"), "not json", Line(3));
        using var store = DuckDbEventStore.Open(Path.Combine(_folder.FullName, "events.duckdb"));

        var report = await IngestAsync(store, path, batchSize: 2);

        report.Read.ShouldBe(6);
        report.Stored.ShouldBe(3);
        report.Duplicates.ShouldBe(1);
        report.Conflicts.ShouldBe(1);
        report.FirstConflictId.ShouldBe("e1");
        report.Quarantined.ShouldBe(2);
        report.IsReconciled.ShouldBeTrue();
        Column(store, "SELECT path FROM events WHERE event_id = 'e1'").ShouldBe(["/first"]);
        Column(store, "SELECT reason FROM quarantine ORDER BY line")[0].ShouldContain("invalid time \"later\"");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public async Task RunAsync_ReusedIdWithOtherContent_CountsConflictWithinAndAcrossBatches(int batchSize)
    {
        // The same source id for two different records: the first is kept, and the reuse is reported, whether the
        // copies share a batch (batch size 100) or the second meets the stored first (batch size 1).
        var path = WriteLog(Line(1, "/first"), Line(2), Line(1, "/first"), Line(1, "/second"));
        using var store = DuckDbEventStore.Open(Path.Combine(_folder.FullName, "events.duckdb"));

        var report = await IngestAsync(store, path, batchSize);

        report.Stored.ShouldBe(2);
        report.Duplicates.ShouldBe(2);
        report.Conflicts.ShouldBe(1);
        report.FirstConflictId.ShouldBe("e1");
        report.IsReconciled.ShouldBeTrue();
        Column(store, "SELECT path FROM events WHERE event_id = 'e1'").ShouldBe(["/first"]);
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2100-01-01T00:00:00Z")]
    [InlineData("1989-12-31T23:59:59.9999995Z")]
    public async Task RunAsync_ImplausibleTime_IsQuarantinedWithReason(string time)
    {
        var bad = $$"""{"event_id":"x","time":"{{time}}","decision":"deny","path":"/a"}""";
        var path = WriteLog(Line(1), bad, Line(2));
        using var store = DuckDbEventStore.Open(Path.Combine(_folder.FullName, "events.duckdb"));

        var report = await IngestAsync(store, path);

        report.Stored.ShouldBe(2);
        report.Quarantined.ShouldBe(1);
        var reason = Column(store, "SELECT reason FROM quarantine").Single();
        reason.ShouldContain($"implausible event time {time[..4]}");
        reason.ShouldContain("--mapping");
        if (time.Contains('.', StringComparison.Ordinal))
        {
            reason.ShouldContain(time.TrimEnd('Z'));
        }
    }
}
