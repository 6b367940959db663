using PolicyLoop.Ingest.Formats;

namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>Records that parse as JSON but are wrong for their format, and repeated ids, end to end into a DuckDB store.</summary>
public sealed class RecordCorpusTests : IDisposable
{
    private readonly IngestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Ingest_InvalidJson_QuarantinesWithPosition()
    {
        string[] lines = [CorpusLines.Opa("j-1"), "{\"decision_id\":\"j-2\",\"timestamp\":", CorpusLines.Opa("j-3")];
        var path = _harness.Write("invalid.jsonl", CorpusLines.Utf8(lines));

        var report = await _harness.IngestAsync(path);

        report.Stored.ShouldBe(2);
        report.Quarantined.ShouldBe(1);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.File.ShouldBe("invalid.jsonl");
        row.Line.ShouldBe(2);
        row.ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 1));
        row.Reason.ShouldStartWith("invalid JSON near line 1, byte 34 of the record");
    }

    [Fact]
    public async Task Ingest_WrongMappedType_NamesFieldAndValue()
    {
        var mapping = _harness.Write("gateway.yaml", CorpusLines.GatewayMapping);
        string[] lines = [CorpusLines.Gateway("g-1"), CorpusLines.Gateway("g-2", "\"abc\""), CorpusLines.Gateway("g-3", "\"404\"")];
        var path = _harness.Write("gateway.jsonl", CorpusLines.Utf8(lines));

        var report = await _harness.IngestAsync(path, new IngestOptions { Parser = new ParserOptions(mapping) });

        report.Format.ShouldBe(LogFormat.Jsonl);
        report.Stored.ShouldBe(2);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(2);
        row.Reason.ShouldBe("field status (path req.status): \"abc\" is not a whole number");
    }

    [Fact]
    public async Task Ingest_UnparseableTimestamp_NamesFieldAndValue()
    {
        string[] lines = [CorpusLines.Opa("t-1", timestamp: "yesterday at noon"), CorpusLines.Opa("t-2")];
        var path = _harness.Write("time.jsonl", CorpusLines.Utf8(lines));

        var report = await _harness.IngestAsync(path);

        report.Stored.ShouldBe(1);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(1);
        row.Reason.ShouldBe("unparseable timestamp in field \"timestamp\": \"yesterday at noon\"");
    }

    [Fact]
    public async Task Ingest_MissingTimestamp_NamesField()
    {
        string[] lines = [CorpusLines.Waf("w-1"), CorpusLines.Waf("w-2", timestampField: "")];
        var path = _harness.Write("waf.jsonl", CorpusLines.Utf8(lines));

        var report = await _harness.IngestAsync(path);

        report.Format.ShouldBe(LogFormat.AwsWaf);
        report.Stored.ShouldBe(1);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(2);
        row.ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 1));
        row.Reason.ShouldBe("missing timestamp: the record has no \"timestamp\" field");
    }

    [Fact]
    public async Task Ingest_DuplicateIdsInOneFile_CountsDuplicates()
    {
        string[] lines = [CorpusLines.Opa("same"), CorpusLines.Opa("other"), CorpusLines.Opa("same", result: "false")];
        var path = _harness.Write("dupes.jsonl", CorpusLines.Utf8(lines));

        var report = await _harness.IngestAsync(path);

        report.Read.ShouldBe(3);
        report.Stored.ShouldBe(2);
        report.Duplicates.ShouldBe(1);
        report.IsReconciled.ShouldBeTrue();
        var kept = _harness.Events().Single(e => e.EventId == "same");
        kept.Line.ShouldBe(1);
        kept.Decision.ShouldBe("allow");
    }

    [Fact]
    public async Task Ingest_SameFileTwice_AddsNothingNew()
    {
        string[] lines = [CorpusLines.Opa("r-1"), "garbage", CorpusLines.Opa("r-2")];
        var path = _harness.Write("again.jsonl", CorpusLines.Utf8(lines));
        var first = await _harness.IngestAsync(path);

        var second = await _harness.IngestAsync(path);

        first.Stored.ShouldBe(2);
        first.Quarantined.ShouldBe(1);
        second.Read.ShouldBe(3);
        second.Stored.ShouldBe(0);
        second.Duplicates.ShouldBe(2);
        second.Quarantined.ShouldBe(1);
        second.IsReconciled.ShouldBeTrue();
        _harness.Events().Count.ShouldBe(2);
        _harness.Quarantine().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Ingest_SameFileWithoutIdsTwice_AddsNothingNew()
    {
        var mapping = _harness.Write("no-id.yaml", "fields:\n  time: ts\n");
        string[] lines = ["{\"ts\":1793696462}", "{\"ts\":1793696463}"];
        var path = _harness.Write("no-id.jsonl", CorpusLines.Utf8(lines));
        var options = new IngestOptions { Parser = new ParserOptions(mapping) };
        await _harness.IngestAsync(path, options);

        var second = await _harness.IngestAsync(path, options);

        second.Stored.ShouldBe(0);
        second.Duplicates.ShouldBe(2);
    }

    [Fact]
    public async Task Ingest_FirstRecordOverDetectionWindow_DetectsFormat()
    {
        // A ModSecurity record with a 100 KiB request body is longer than the 64 KiB read ahead for detection.
        var body = new string('b', 100 * 1024);
        var line = "{\"transaction\":{\"time_stamp\":\"Tue Nov  3 09:14:22 2026\",\"unique_id\":\"long-1\","
            + $"\"request\":{{\"method\":\"POST\",\"uri\":\"/upload\",\"body\":\"{body}\"}},\"response\":{{\"http_code\":200}}}}}}";
        var path = _harness.Write("long.jsonl", CorpusLines.Utf8(line));

        var report = await _harness.IngestAsync(path);

        report.Error.ShouldBeNull();
        report.Format.ShouldBe(LogFormat.ModSecurity);
        report.Stored.ShouldBe(1);
    }
}
