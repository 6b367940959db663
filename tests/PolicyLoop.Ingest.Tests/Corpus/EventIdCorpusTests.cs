namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>Ids of records without their own id: overlaps, shared first lines and repeated lines.</summary>
public sealed class EventIdCorpusTests : IDisposable
{
    private readonly IngestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static string Line(int client, int second, string path = "/a") =>
        $"192.0.2.{client} - - [17/May/2015:10:05:{second:D2} +0000] \"GET {path} HTTP/1.1\" 200 100 \"-\" \"curl/8\"";

    [Fact]
    public async Task Ingest_FilesSharingFirstLine_StoresDistinctRecordsOfBoth()
    {
        var first = _harness.Write("x1.log", "\n" + Line(1, 1) + "\n");
        var second = _harness.Write("x2.log", "\n" + Line(2, 2) + "\n");

        await _harness.IngestAsync(first);
        var report = await _harness.IngestAsync(second);

        report.Stored.ShouldBe(1);
        report.Duplicates.ShouldBe(0);
        _harness.Events().Count.ShouldBe(2);
    }

    [Fact]
    public async Task Ingest_OverlappingExtracts_StoresEachRecordOnce()
    {
        var lines = Enumerable.Range(0, 20).Select(i => Line(i, i)).ToList();
        var whole = _harness.Write("a.log", string.Join('\n', lines) + "\n");
        var shifted = _harness.Write("b.log", Line(99, 59) + "\n" + string.Join('\n', lines) + "\n");
        var tail = _harness.Write("c.log", string.Join('\n', lines.Skip(10)) + "\n");

        await _harness.IngestAsync(whole);
        var shiftedReport = await _harness.IngestAsync(shifted);
        var tailReport = await _harness.IngestAsync(tail);

        shiftedReport.Stored.ShouldBe(1);
        shiftedReport.Duplicates.ShouldBe(20);
        tailReport.Duplicates.ShouldBe(10);
        _harness.Events().Count.ShouldBe(21);
    }

    [Fact]
    public async Task Ingest_IdenticalLinesInOneFile_StoresEachOccurrence()
    {
        var path = _harness.Write("same.log", string.Join('\n', Line(1, 1), Line(1, 1), Line(1, 1)) + "\n");

        var first = await _harness.IngestAsync(path);
        var again = await _harness.IngestAsync(path);

        first.Stored.ShouldBe(3);
        again.Duplicates.ShouldBe(3);
        _harness.Events().Select(row => row.EventId).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Ingest_GrownLog_StoresOnlyTheNewRecords()
    {
        var path = _harness.Write("grow.log", Line(1, 1) + "\n" + Line(2, 2) + "\n");
        await _harness.IngestAsync(path);
        File.AppendAllText(path, Line(3, 3) + "\n");

        var report = await _harness.IngestAsync(path);

        report.Stored.ShouldBe(1);
        report.Duplicates.ShouldBe(2);
    }
}
