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

    [Theory]
    [InlineData(
        "{\"transaction\":{\"client_ip\":\"192.0.2.1\",\"unique_id\":\"u\",\"request\":{\"body\":\"",
        LogFormat.ModSecurity)]
    [InlineData("{\"decision_id\":\"d\",\"input\":{\"body\":\"", LogFormat.Opa)]
    [InlineData("{\"timestamp\":1,\"webaclId\":\"w\",\"httpRequest\":{\"uri\":\"", LogFormat.AwsWaf)]
    [InlineData("{\"results\":[{\"category_scores\":{\"hate\":0.1}}],\"input\":\"", LogFormat.Moderation)]
    public void Detect_FirstLineLongerThanWindow_UsesItsKeys(string start, string expected)
    {
        // The detection window ends inside the first record's long string value.
        var prefix = System.Text.Encoding.UTF8.GetBytes(start + new string('x', 5000));

        FormatDetector.Detect(prefix, out var reason).ShouldBe(expected, reason);
    }

    [Fact]
    public void Detect_CutLineWithoutKnownKeys_ReturnsJsonl() =>
        FormatDetector.Detect("{\"message\":\"xxxxxxxx"u8, out _).ShouldBe(LogFormat.Jsonl);

    [Fact]
    public void Detect_CutInvalidJson_ReturnsNull() =>
        FormatDetector.Detect("{\"message\" 12 \"xxxxxxxx"u8, out _).ShouldBeNull();
}
