using PolicyLoop.Ingest.Formats;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>Every hand-written sample ingests completely, with its format detected, into a DuckDB store.</summary>
public sealed class SampleIngestTests : IDisposable
{
    private readonly IngestHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("opa-decisions.jsonl", LogFormat.Opa, 6)]
    [InlineData("opa-upload.json.gz", LogFormat.Opa, 3)]
    [InlineData("aws-waf.jsonl", LogFormat.AwsWaf, 5)]
    [InlineData("modsecurity-audit.jsonl", LogFormat.ModSecurity, 4)]
    [InlineData("moderation.jsonl", LogFormat.Moderation, 4)]
    public async Task Ingest_Sample_StoresEveryRecord(string sample, string format, int records)
    {
        var report = await _harness.IngestAsync(SamplePath(sample));

        report.Error.ShouldBeNull();
        report.Format.ShouldBe(format);
        report.Read.ShouldBe(records);
        report.Stored.ShouldBe(records);
        report.Quarantined.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_GatewayWithMapping_StoresEveryRecord()
    {
        var options = new IngestOptions { Parser = new ParserOptions(SamplePath("gateway.mapping.yaml")) };

        var report = await _harness.IngestAsync(SamplePath("gateway.jsonl"), options);

        report.Format.ShouldBe(LogFormat.Jsonl);
        report.Stored.ShouldBe(4);
        report.Quarantined.ShouldBe(0);
    }

    [Fact]
    public async Task Ingest_InvalidMapping_ReportsErrorForInput()
    {
        var mapping = _harness.Write("bad.yaml", "fields:\n  tiem: ts\n");
        var options = new IngestOptions { Parser = new ParserOptions(mapping) };

        var report = await _harness.IngestAsync(SamplePath("gateway.jsonl"), options);

        report.Read.ShouldBe(0);
        report.Error.ShouldNotBeNull();
        report.Error.ShouldContain("unknown event field \"tiem\"");
        report.Error.ShouldContain("missing field \"time\" in fields");
    }
}
