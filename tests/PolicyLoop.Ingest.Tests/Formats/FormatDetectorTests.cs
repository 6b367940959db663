using PolicyLoop.Ingest.Formats;
using PolicyLoop.Ingest.Reading;
using static PolicyLoop.Ingest.Tests.Formats.ParserTestKit;

namespace PolicyLoop.Ingest.Tests.Formats;

public sealed class FormatDetectorTests
{
    [Theory]
    [InlineData("apache_access.log", LogFormat.Apache)]
    [InlineData("opa-decisions.jsonl", LogFormat.Opa)]
    [InlineData("opa-upload.json.gz", LogFormat.Opa)]
    [InlineData("aws-waf.jsonl", LogFormat.AwsWaf)]
    [InlineData("modsecurity-audit.jsonl", LogFormat.ModSecurity)]
    [InlineData("moderation.jsonl", LogFormat.Moderation)]
    [InlineData("gateway.jsonl", LogFormat.Jsonl)]
    public void Detect_Sample_ReturnsItsFormat(string sample, string expected)
    {
        using var reader = RecordReader.Open(sample, File.OpenRead(SamplePath(sample)));

        FormatDetector.Detect(reader.Prefix, out var reason).ShouldBe(expected, reason);
    }

    [Fact]
    public void Detect_Empty_ReturnsNullWithReason()
    {
        FormatDetector.Detect(""u8, out var reason).ShouldBeNull();

        reason.ShouldBe("the input is empty");
    }
}
