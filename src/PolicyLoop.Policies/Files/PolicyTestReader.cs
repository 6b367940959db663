using System.Globalization;
using PolicyLoop.Core;
using YamlDotNet.Core;

namespace PolicyLoop.Policies.Files;

/// <summary>Reads policy tests, inline under <c>tests:</c> or from a <c>*.tests.yaml</c> file.</summary>
public static class PolicyTestReader
{
    private static readonly string[] TestKeys = ["name", "event", "repeat", "interval", "expect"];
    private static readonly string[] ExpectKeys = ["action", "rule"];

    /// <summary>Reads a <c>*.tests.yaml</c> file: a mapping with a <c>tests</c> list.</summary>
    public static (IReadOnlyList<PolicyTest> Tests, IReadOnlyList<Diagnostic> Diagnostics) LoadFile(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        try
        {
            var root = YamlTreeReader.Read(text);
            if (root is YamlMapping mapping)
            {
                var reader = new MappingReader(mapping, file, "a tests file", ["tests"], diagnostics);
                var node = reader.Node("tests");
                return (node is null ? [] : Read(node, file, diagnostics), diagnostics);
            }

            diagnostics.Add(new Diagnostic("PL002", "a tests file must be a mapping with a 'tests' list",
                new DiagnosticLocation(file, root?.Line ?? 1, root?.Column ?? 1)));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(new Diagnostic("PL001", $"invalid YAML: {ex.Message}",
                new DiagnosticLocation(file, (int)ex.Start.Line, (int)ex.Start.Column)));
        }

        return ([], diagnostics);
    }

    internal static List<PolicyTest> Read(YamlNode node, string file, List<Diagnostic> diagnostics)
    {
        var tests = new List<PolicyTest>();
        if (node is not YamlSequence sequence)
        {
            diagnostics.Add(new Diagnostic("PL006", "'tests' must be a list of tests", new DiagnosticLocation(file, node.Line, node.Column)));
            return tests;
        }

        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping mapping && ReadTest(mapping, file, diagnostics) is { } test)
            {
                tests.Add(test);
            }
            else if (item is not YamlMapping)
            {
                diagnostics.Add(new Diagnostic("PL006", "a test must be a mapping with name, event and expect",
                    new DiagnosticLocation(file, item.Line, item.Column)));
            }
        }

        return tests;
    }

    private static PolicyTest? ReadTest(YamlMapping mapping, string file, List<Diagnostic> diagnostics)
    {
        var reader = new MappingReader(mapping, file, "a test", TestKeys, diagnostics);
        var name = reader.String("name", required: true);
        var eventNode = reader.Node("event");
        if (eventNode is not YamlMapping eventMapping)
        {
            reader.Add("PL005", "a test needs an 'event' mapping in the event record's JSON shape", eventNode ?? mapping);
            return null;
        }

        var repeat = ReadInt(reader, "repeat") ?? 1;
        var interval = TimeSpan.FromSeconds(1);
        if (reader.String("interval", required: false) is { } intervalText
            && !Expressions.Runtime.CelTime.TryParseDuration(intervalText, out interval))
        {
            reader.Add("PL007", $"invalid interval '{intervalText}'", reader.Node("interval")!, "use a duration such as 1s or 100ms");
        }

        if (reader.Node("expect") is not YamlMapping expectMapping)
        {
            reader.Add("PL005", "a test needs 'expect' with the expected action and rule", mapping);
            return null;
        }

        var expect = new MappingReader(expectMapping, file, "expect", ExpectKeys, diagnostics);
        var actionText = expect.String("action", required: true);
        if (actionText is null || !PolicyLoader.TryParseAction(actionText, out var action) || name is null)
        {
            if (actionText is not null)
            {
                expect.Add("PL007", $"invalid action '{actionText}'", expect.Node("action")!, "use allow, deny, throttle or challenge");
            }

            return null;
        }

        var rule = expect.String("rule", required: false);
        return new PolicyTest(name, YamlJson.ToObject(eventMapping), Math.Max(repeat, 1), interval, action, rule, file, mapping.Line);
    }

    private static int? ReadInt(MappingReader reader, string key)
    {
        var text = reader.String(key, required: false);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 100_000)
        {
            return value;
        }

        reader.Add("PL007", $"invalid {key} '{text}'", reader.Node(key)!, "use a whole number from 1 to 100000");
        return null;
    }
}
