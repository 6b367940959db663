using System.Text;
using PolicyLoop.Ingest.Formats;

namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>Gzip inputs, whole and truncated, line records and upload arrays, end to end into a DuckDB store.</summary>
public sealed class GzipCorpusTests : IDisposable
{
    private readonly IngestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(20)]
    [InlineData(2000)]
    public async Task Ingest_TruncatedGzip_KeepsCompleteLines(int lineCount)
    {
        // Distinct ids keep the lines from compressing to a few back-references, so a cut at 60% of
        // the compressed bytes leaves complete lines before it.
        var lines = Enumerable.Range(0, lineCount)
            .Select(i => CorpusLines.Opa(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))))
            .ToArray();
        var compressed = IngestHarness.Gzip(CorpusLines.Utf8(lines));
        var path = _harness.Write("cut.jsonl.gz", compressed[..(compressed.Length * 6 / 10)]);

        var report = await _harness.IngestAsync(path, new IngestOptions { Format = LogFormat.Opa });

        report.Error.ShouldBeNull();
        report.IsReconciled.ShouldBeTrue();
        report.Stored.ShouldBeGreaterThan(0);
        report.Stored.ShouldBeLessThan(lineCount);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Reason.ShouldContain("gzip stream truncated");
        row.Line.ShouldBe(report.Stored + 1);
        row.ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, (int)report.Stored));
    }

    [Fact]
    public async Task Ingest_GzipUploadArray_StoresEachElement()
    {
        var body = "[\n  " + CorpusLines.Opa("arr-1") + ",\n  " + CorpusLines.Opa("arr-2", result: "false")
            + ",\n\n  " + CorpusLines.Opa("arr-3") + "\n]\n";
        var path = _harness.WriteGzip("upload.json.gz", Encoding.UTF8.GetBytes(body));

        var report = await _harness.IngestAsync(path);

        report.Format.ShouldBe(LogFormat.Opa);
        report.Read.ShouldBe(3);
        report.Stored.ShouldBe(3);
        var events = _harness.Events();
        events.Select(e => e.EventId).ShouldBe(["arr-1", "arr-2", "arr-3"]);
        events.Select(e => e.Line).ShouldBe([2L, 3L, 5L]);
        events[1].ByteOffset.ShouldBe(body.IndexOf("{\"decision_id\":\"arr-2\"", StringComparison.Ordinal));
        events[1].Decision.ShouldBe("deny");
        events[2].Raw.ShouldBe(CorpusLines.Opa("arr-3"));
    }

    [Fact]
    public async Task Ingest_TruncatedGzipUploadArray_QuarantinesCutElement()
    {
        var elements = Enumerable.Range(0, 200).Select(i => CorpusLines.Opa($"cut-{i}")).ToArray();
        var compressed = IngestHarness.Gzip(Encoding.UTF8.GetBytes("[" + string.Join(",\n", elements) + "]"));
        var path = _harness.Write("cut-upload.json.gz", compressed[..(compressed.Length / 2)]);

        var report = await _harness.IngestAsync(path);

        report.IsReconciled.ShouldBeTrue();
        report.Stored.ShouldBeGreaterThan(0);
        report.Quarantined.ShouldBe(1);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Reason.ShouldContain("gzip stream truncated");
        row.Line.ShouldBe(report.Stored + 1);
    }

    [Fact]
    public async Task Ingest_ArrayBadElement_QuarantinesOnlyIt()
    {
        var body = "[" + CorpusLines.Opa("ok-1") + ",\n{\"decision_id\": nope},\n" + CorpusLines.Opa("ok-2") + "]";
        var path = _harness.Write("mixed.json", body);

        var report = await _harness.IngestAsync(path);

        report.Stored.ShouldBe(2);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(2);
        row.ByteOffset.ShouldBe(body.IndexOf("{\"decision_id\": nope}", StringComparison.Ordinal));
        row.Raw.ShouldBe("{\"decision_id\": nope}");
        row.Reason.ShouldStartWith("invalid JSON near line 1, byte 18 of the record");
    }

    [Fact]
    public async Task Ingest_UploadArrayOverLimit_QuarantinesWithHint()
    {
        var body = "[" + string.Join(",", Enumerable.Range(0, 50).Select(i => CorpusLines.Opa($"big-{i}"))) + "]";
        var path = _harness.Write("big.json", body);
        var options = new IngestOptions { Reader = new Ingest.Reading.RecordReaderOptions { MaxArrayBytes = 4096 } };

        var report = await _harness.IngestAsync(path, options);

        report.Read.ShouldBe(1);
        report.Quarantined.ShouldBe(1);
        _harness.Quarantine().ShouldHaveSingleItem().Reason.ShouldContain("larger than the limit of 4096 bytes");
    }

    [Fact]
    public async Task Ingest_TwoPrettyArraysWithoutIds_StoresBoth()
    {
        // Both inputs start with the line "[", so their identity must come from more than the first line.
        var first = _harness.Write("a.json", "[\n{\"time\":1793696462},\n{\"time\":1793696463}\n]\n");
        var second = _harness.Write("b.json", "[\n{\"time\":1793696500},\n{\"time\":1793696501}\n]\n");
        var options = new IngestOptions { Format = LogFormat.Jsonl };
        await _harness.IngestAsync(first, options);

        var report = await _harness.IngestAsync(second, options);

        report.Stored.ShouldBe(2);
        report.Duplicates.ShouldBe(0);
    }
}
