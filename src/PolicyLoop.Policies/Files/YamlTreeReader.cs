using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PolicyLoop.Policies.Files;

/// <summary>Reads one YAML document into <see cref="YamlNode"/>s with positions. Anchors and aliases are rejected.</summary>
internal static class YamlTreeReader
{
    private const int MaxDepth = 64;

    /// <summary>Parses the text; throws <see cref="YamlException"/> with a position on invalid YAML.</summary>
    public static YamlNode? Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return ReadDocument(parser);
        }
        catch (InvalidOperationException ex)
        {
            // NOTE: YamlDotNet 18.1.0 throws InvalidOperationException instead of YamlException on some invalid
            // input, such as an unclosed flow sequence ("id: [a"). The last event read is the closest position.
            var mark = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(mark, mark, "the YAML is malformed after this point; check for an unclosed [, { or quote", ex);
        }
    }

    private static YamlNode? ReadDocument(Parser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, 0);
        parser.Consume<DocumentEnd>();
        if (!parser.Accept<StreamEnd>(out _))
        {
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, "a policy file must contain one YAML document; remove the extra '---'");
        }

        return root;
    }

    private static YamlNode ReadNode(IParser parser, int depth)
    {
        var start = parser.Current!.Start;
        if (depth > MaxDepth)
        {
            throw new YamlException(start, start, $"YAML nested more than {MaxDepth} levels");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlScalar((int)start.Line, (int)start.Column, scalar.Value, scalar.Style);
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, depth + 1));
            }

            return new YamlSequence((int)start.Line, (int)start.Column, items);
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            return ReadMapping(parser, start, depth);
        }

        throw new YamlException(start, parser.Current.End, "anchors, aliases and tags are not supported in policy files");
    }

    private static YamlMapping ReadMapping(IParser parser, Mark start, int depth)
    {
        var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser, depth + 1);
            if (key is not YamlScalar scalarKey)
            {
                throw new YamlException(parser.Current!.Start, parser.Current.End, "mapping keys must be plain text");
            }

            entries.Add(new(scalarKey, ReadNode(parser, depth + 1)));
        }

        return new YamlMapping((int)start.Line, (int)start.Column, entries);
    }
}
