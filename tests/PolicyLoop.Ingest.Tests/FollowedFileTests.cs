using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyLoop.Storage;

namespace PolicyLoop.Ingest.Tests;

public sealed class FollowedFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyloop-follow-tests-");
    private readonly string _log;

    public FollowedFileTests() => _log = Path.Combine(_folder.FullName, "decisions.jsonl");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A decision without an id of its own, so the store keys it by content.</summary>
    private static string Line(int second, string path = "/a") =>
        $$"""{"time":"2026-11-01T00:00:{{second:00}}Z","decision":"deny","path":"{{path}}"}""";

    private void Append(string text) => File.AppendAllText(_log, text, new UTF8Encoding(false));

    private DuckDbEventStore OpenStore(string name) => DuckDbEventStore.Open(Path.Combine(_folder.FullName, name));

    /// <summary>Ingests what <paramref name="file"/> has new, and returns how many records were read.</summary>
    private static async Task<long> PollAsync(FollowedFile file, DuckDbEventStore store)
    {
        if (file.Next(out _) is not { } segment)
        {
            return 0;
        }

        var runner = new IngestRunner(store, new IngestOptions(), NullLogger<IngestRunner>.Instance);
        var report = (await runner.RunAsync([segment.Input], TestContext.Current.CancellationToken))[0];
        report.Error.ShouldBeNull();
        file.Advance(segment);
        return report.Read;
    }

    private static async Task IngestWholeAsync(DuckDbEventStore store, string path)
    {
        var runner = new IngestRunner(store, new IngestOptions(), NullLogger<IngestRunner>.Instance);
        var inputs = InputResolver.Resolve([path], () => Stream.Null, out _);
        await runner.RunAsync(inputs, TestContext.Current.CancellationToken);
    }

    private static List<string> Rows(DuckDbEventStore store)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT event_id || ' ' || input_line || ' ' || input_offset FROM events ORDER BY input_offset";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Fact]
    public async Task Next_GrowingFile_ReadsOnlyAppendedCompleteLines()
    {
        using var store = OpenStore("follow.duckdb");
        var file = new FollowedFile(_log);
        Append(Line(1) + "\n" + Line(2) + "\n" + Line(3) + "\n");

        (await PollAsync(file, store)).ShouldBe(3);
        var afterFirst = file.Offset;
        Append(Line(4) + "\n" + Line(5) + "\n" + Line(6)[..20]);
        (await PollAsync(file, store)).ShouldBe(2);
        file.Offset.ShouldBe(afterFirst + (2 * (Line(4).Length + 1)));
        (await PollAsync(file, store)).ShouldBe(0);
        Append(Line(6)[20..] + "\n");
        (await PollAsync(file, store)).ShouldBe(1);

        Rows(store).Count.ShouldBe(6);
        file.Offset.ShouldBe(new FileInfo(_log).Length);
    }

    [Fact]
    public async Task Next_PiecewiseRead_StoresWhatAWholeReadStores()
    {
        using var pieces = OpenStore("pieces.duckdb");
        using var whole = OpenStore("whole.duckdb");
        var file = new FollowedFile(_log);

        // The same decision twice in the same second is two requests; the second copy arrives in a
        // later piece and must still get its own id.
        Append(Line(1) + "\n\n" + Line(2) + "\n");
        await PollAsync(file, pieces);
        Append(Line(1) + "\n" + Line(3) + "\n");
        await PollAsync(file, pieces);
        Append(Line(1) + "\n");
        await PollAsync(file, pieces);
        await IngestWholeAsync(whole, _log);

        Rows(pieces).Count.ShouldBe(5);
        Rows(pieces).ShouldBe(Rows(whole));
    }

    [Fact]
    public async Task Next_TruncatedFile_StartsAgainFromTheStart()
    {
        using var store = OpenStore("truncated.duckdb");
        var file = new FollowedFile(_log);
        Append(Line(1) + "\n" + Line(2) + "\n" + Line(3) + "\n");
        await PollAsync(file, store);

        File.WriteAllText(_log, Line(9) + "\n");
        var segment = file.Next(out var note);

        note.ShouldNotBeNull().ShouldContain("truncated");
        segment.ShouldNotBeNull().Input.Length.ShouldBe(Line(9).Length + 1);
    }

    [Fact]
    public async Task Next_ReplacedFileLongerThanBefore_StartsAgainFromTheStart()
    {
        using var store = OpenStore("rotated.duckdb");
        var file = new FollowedFile(_log);
        Append(Line(1) + "\n");
        await PollAsync(file, store);

        File.Move(_log, _log + ".1");
        File.WriteAllText(_log, Line(20, "/b") + "\n" + Line(21, "/b") + "\n");
        var read = file.Next(out var note);

        note.ShouldNotBeNull().ShouldContain("replaced");
        read.ShouldNotBeNull();
        (await PollAsync(file, store)).ShouldBe(2);
        Rows(store).Count.ShouldBe(3);
    }

    [Fact]
    public void Next_MissingFile_ReturnsNothing()
    {
        var file = new FollowedFile(Path.Combine(_folder.FullName, "absent.jsonl"));

        file.Next(out var note).ShouldBeNull();
        note.ShouldBeNull();
    }

    [Fact]
    public async Task Next_GzipFile_IsReadWholeEachTime()
    {
        using var store = OpenStore("gzip.duckdb");
        var path = Path.Combine(_folder.FullName, "decisions.jsonl.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Line(1) + "\n" + Line(2) + "\n"), TestContext.Current.CancellationToken);
        }

        var file = new FollowedFile(path);

        (await PollAsync(file, store)).ShouldBe(2);
        (await PollAsync(file, store)).ShouldBe(2);
        Rows(store).Count.ShouldBe(2);
    }
}
