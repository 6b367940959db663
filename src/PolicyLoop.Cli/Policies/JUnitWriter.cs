using System.Globalization;
using System.Xml;
using PolicyLoop.Policies.Evaluation;

namespace PolicyLoop.Cli.Policies;

/// <summary>Writes policy test outcomes as JUnit XML, one test suite per policy, for CI systems.</summary>
internal static class JUnitWriter
{
    public static void Write(string path, IReadOnlyList<PolicyTestOutcome> outcomes)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var writer = XmlWriter.Create(path, settings);
        writer.WriteStartElement("testsuites");
        WriteCounts(writer, outcomes);
        foreach (var suite in outcomes.GroupBy(o => o.Policy))
        {
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", suite.Key);
            WriteCounts(writer, [.. suite]);
            foreach (var outcome in suite)
            {
                WriteCase(writer, outcome);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteCounts(XmlWriter writer, IReadOnlyList<PolicyTestOutcome> outcomes)
    {
        writer.WriteAttributeString("tests", outcomes.Count.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("failures", outcomes.Count(o => !o.Passed).ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("errors", "0");
        writer.WriteAttributeString("time", Seconds(outcomes.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Duration)));
    }

    private static void WriteCase(XmlWriter writer, PolicyTestOutcome outcome)
    {
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", outcome.Policy);
        writer.WriteAttributeString("name", outcome.Name);
        writer.WriteAttributeString("file", outcome.File);
        writer.WriteAttributeString("line", outcome.Line.ToString(CultureInfo.InvariantCulture));
        writer.WriteAttributeString("time", Seconds(outcome.Duration));
        if (outcome.Failure is { } failure)
        {
            writer.WriteStartElement("failure");
            writer.WriteAttributeString("message", failure);
            writer.WriteString($"{outcome.File}:{outcome.Line}: {failure}");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
