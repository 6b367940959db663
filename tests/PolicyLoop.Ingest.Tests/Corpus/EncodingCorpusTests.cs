using System.Text;
using PolicyLoop.Ingest.Formats;

namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>
/// Bad input at the byte and line level, ingested end to end into a DuckDB store: every record read
/// is stored, a duplicate or quarantined, at the right file, line and byte offset.
/// </summary>
public sealed class EncodingCorpusTests : IDisposable
{
    private readonly IngestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Ingest_InvalidUtf8_QuarantinesLineWithByteOffset()
    {
        var first = Encoding.UTF8.GetBytes(CorpusLines.Opa("d-1") + "\n");
        var bad = Encoding.UTF8.GetBytes(CorpusLines.Opa("d-2").Replace("GET", "G\u00c9T", StringComparison.Ordinal));
        var badAt = Array.IndexOf(bad, (byte)0xC3);
        bad[badAt + 1] = 0x28; // 0xC3 0x28 is not a valid UTF-8 sequence.
        var path = _harness.Write("utf8.jsonl", [.. first, .. bad, .. "\n"u8, .. CorpusLines.Utf8(CorpusLines.Opa("d-3"))]);

        var report = await _harness.IngestAsync(path);

        report.Read.ShouldBe(3);
        report.Stored.ShouldBe(2);
        report.Quarantined.ShouldBe(1);
        report.IsReconciled.ShouldBeTrue();
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(2);
        row.ByteOffset.ShouldBe(first.Length);
        row.Reason.ShouldBe($"invalid UTF-8 at byte {badAt} of the record; re-encode the log as UTF-8");
    }

    [Theory]
    [InlineData("opa")]
    [InlineData("waf")]
    [InlineData("jsonl")]
    [InlineData("jsonl-attributes")]
    [InlineData("jsonl-unknown-field")]
    public async Task Ingest_LoneSurrogateEscape_QuarantinesOnlyThatLine(string format)
    {
        // Valid JSON and valid UTF-8, but the string escapes half of a surrogate pair, which no .NET string can hold.
        static string Native(string id, string path) =>
            $$"""{"event_id":"{{id}}","time":"2026-01-01T00:00:02Z","client_ip":"10.0.0.1","path":"{{path}}"}""";
        string[] lines = format switch
        {
            "opa" => [CorpusLines.Opa("s-1"), CorpusLines.Opa("s-2").Replace("GET", "G\\ud800T", StringComparison.Ordinal), CorpusLines.Opa("s-3")],
            "waf" => [CorpusLines.Waf("s-1"), CorpusLines.Waf("s-2").Replace("\"uri\":\"/\"", "\"uri\":\"/\\udc00\"", StringComparison.Ordinal), CorpusLines.Waf("s-3")],
            "jsonl" => [Native("s-1", "/ok"), Native("s-2", "/lone\\ud800escaped"), Native("s-3", "/ok")],
            "jsonl-attributes" => [Native("s-1", "/ok"), Native("s-2", "/ok").Replace("}", ",\"attributes\":{\"k\":[\"\\ud800\"]}}", StringComparison.Ordinal), Native("s-3", "/ok")],
            _ => [Native("s-1", "/ok"), Native("s-2", "/ok").Replace("}", ",\"extra\":{\"\\udc00\":1}}", StringComparison.Ordinal), Native("s-3", "/ok")],
        };
        lines[1].ShouldContain("\\u");
        var path = _harness.Write($"surrogate-{format}.jsonl", CorpusLines.Utf8(lines));

        var report = await _harness.IngestAsync(path);

        report.Read.ShouldBe(3);
        report.Stored.ShouldBe(2);
        report.Quarantined.ShouldBe(1);
        report.IsReconciled.ShouldBeTrue();
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(2);
        row.Reason.ShouldStartWith("unreadable JSON value: ");
        row.Reason.ShouldContain("surrogate pair");
    }

    [Fact]
    public async Task Ingest_Utf8Bom_KeepsOffsets()
    {
        string[] lines = [CorpusLines.Opa("bom-1"), CorpusLines.Opa("bom-2")];
        var path = _harness.Write("bom.jsonl", [.. "\uFEFF"u8, .. CorpusLines.Utf8(lines)]);

        var report = await _harness.IngestAsync(path);

        report.Format.ShouldBe(LogFormat.Opa);
        report.Stored.ShouldBe(2);
        report.Quarantined.ShouldBe(0);
        var events = _harness.Events();
        events[0].ByteOffset.ShouldBe(3);
        events[0].Raw.ShouldBe(lines[0]);
        events[1].Line.ShouldBe(2);
        events[1].ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 1, prefixBytes: 3));
    }

    [Fact]
    public async Task Ingest_CrlfLineEnds_StripsCarriageReturns()
    {
        string[] lines = [CorpusLines.Opa("crlf-1"), CorpusLines.Opa("crlf-2"), "{broken"];
        var path = _harness.Write("crlf.jsonl", string.Join("\r\n", lines) + "\r\n");

        var report = await _harness.IngestAsync(path);

        report.Stored.ShouldBe(2);
        report.Quarantined.ShouldBe(1);
        var events = _harness.Events();
        events[1].Raw.ShouldBe(lines[1]);
        events[1].ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 1, "\r\n"));
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(3);
        row.ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 2, "\r\n"));
        row.Raw.ShouldBe("{broken");
    }

    [Fact]
    public async Task Ingest_EmptyLines_KeepLineNumbers()
    {
        var text = "\n" + CorpusLines.Opa("e-1") + "\n\n   \n" + "not json" + "\n\n";
        var path = _harness.Write("blank.jsonl", text);

        var report = await _harness.IngestAsync(path, new IngestOptions { Format = LogFormat.Opa });

        report.Read.ShouldBe(3);
        report.BlankLines.ShouldBe(3);
        report.Stored.ShouldBe(1);
        report.Quarantined.ShouldBe(2);
        _harness.Events().ShouldHaveSingleItem().Line.ShouldBe(2);
        var rows = _harness.Quarantine();
        rows[0].Line.ShouldBe(4);
        rows[0].Raw.ShouldBe("   ");
        rows[1].Line.ShouldBe(5);
        rows[1].ByteOffset.ShouldBe(text.IndexOf("not json", StringComparison.Ordinal));
        rows[1].Reason.ShouldStartWith("invalid JSON near line 1, byte 2 of the record");
    }

    [Fact]
    public async Task Ingest_TenMegabyteLine_IsQuarantined()
    {
        var huge = "{\"decision_id\":\"" + new string('x', 10 * 1024 * 1024) + "\"}";
        string[] lines = [CorpusLines.Opa("big-1"), huge, CorpusLines.Opa("big-2")];
        var path = _harness.Write("huge.jsonl", CorpusLines.Utf8(lines));

        var report = await _harness.IngestAsync(path);

        report.Read.ShouldBe(3);
        report.Stored.ShouldBe(2);
        report.Quarantined.ShouldBe(1);
        var row = _harness.Quarantine().ShouldHaveSingleItem();
        row.Line.ShouldBe(2);
        row.ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 1));
        row.Reason.ShouldBe($"record is {huge.Length} bytes, longer than the limit of 1048576 bytes");
        row.RawTruncated.ShouldBeTrue();
        row.Raw.Length.ShouldBe(64 * 1024);
        var last = _harness.Events()[1];
        last.Line.ShouldBe(3);
        last.ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 2));
    }

    [Fact]
    public async Task Ingest_Utf16WithBom_IsTranscoded()
    {
        string[] lines = [CorpusLines.Opa("u16-1"), CorpusLines.Opa("u16-2")];
        var text = string.Join("\n", lines) + "\n";
        var path = _harness.Write("utf16.jsonl", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        var report = await _harness.IngestAsync(path);

        report.Format.ShouldBe(LogFormat.Opa);
        report.Stored.ShouldBe(2);
        report.Notes.ShouldHaveSingleItem().ShouldContain("transcoded from utf-16");
        var events = _harness.Events();
        events[0].Raw.ShouldBe(lines[0]);
        events[1].ByteOffset.ShouldBe(CorpusLines.OffsetOf(lines, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n  \n")]
    [InlineData("\uFEFF")]
    public async Task Ingest_EmptyInput_IsNotAnError(string content)
    {
        var path = _harness.Write("empty.log", content);

        var report = await _harness.IngestAsync(path);

        report.Error.ShouldBeNull();
        report.Read.ShouldBe(0);
        report.Notes.ShouldBe(["the input is empty"]);
    }
}
