using PolicyLoop.Core;

namespace PolicyLoop.Ingest.Tests.Formats;

/// <summary>Runs a parser on one record of text, as the ingest loop would.</summary>
internal static class ParserTestKit
{
    public static InputIdentity Identity { get; } = InputIdentity.FromPrefix("test.jsonl", "first line"u8);

    public static ParseOutcome Parse(IRecordParser parser, string text, long offset = 0) => parser.Parse(
        new RawRecord(System.Text.Encoding.UTF8.GetBytes(text), new RecordLocation("test.jsonl", 1, offset), text.Length),
        text,
        Identity);

    public static DecisionEvent Event(IRecordParser parser, string text, long offset = 0)
    {
        var outcome = Parse(parser, text, offset);
        outcome.Error.ShouldBeNull();
        return outcome.Event.ShouldNotBeNull();
    }

    public static string Failure(IRecordParser parser, string text)
    {
        var outcome = Parse(parser, text);
        outcome.Event.ShouldBeNull();
        return outcome.Error.ShouldNotBeNull();
    }

    /// <summary>The path of a sample log copied next to the test assembly.</summary>
    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Samples", name);

    /// <summary>The sample's lines, without blank ones.</summary>
    public static string[] SampleLines(string name) =>
        [.. File.ReadAllLines(SamplePath(name)).Where(line => line.Length > 0)];
}
