using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Apache;
using PolicyLoop.Ingest.Formats.AwsWaf;
using PolicyLoop.Ingest.Formats.Jsonl;
using PolicyLoop.Ingest.Formats.Moderation;
using PolicyLoop.Ingest.Formats.ModSecurity;
using PolicyLoop.Ingest.Formats.Opa;

namespace PolicyLoop.Ingest.Formats;

/// <summary>Creates the parser for a format name, or reports why it cannot.</summary>
public static class ParserRegistry
{
    /// <summary>
    /// Creates a parser for one input; parsers may keep per-input state, so each input gets its own.
    /// Returns null with a diagnostic for an unknown format or an invalid mapping file.
    /// </summary>
    public static IRecordParser? Create(string format, ParserOptions options, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        switch (format)
        {
            case LogFormat.Apache:
                return new ApacheLogParser();
            case LogFormat.Opa:
                return new OpaDecisionParser();
            case LogFormat.AwsWaf:
                return new AwsWafParser();
            case LogFormat.ModSecurity:
                return new ModSecurityParser();
            case LogFormat.Moderation:
                return new ModerationParser();
            case LogFormat.Jsonl:
                return CreateJsonLines(options, out diagnostic);
            default:
                diagnostic = new Diagnostic(
                    "PL1001",
                    $"unknown log format \"{format}\"",
                    Hint: $"use one of: {string.Join(", ", LogFormat.All)}");
                return null;
        }
    }

    // TODO: use the fast canonical reader (EventJsonParser) here once both branches are merged.
    private static IRecordParser? CreateJsonLines(ParserOptions options, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (options.MappingPath is null)
        {
            return new EventJsonParser();
        }

        var mapping = JsonMappingLoader.Load(options.MappingPath, out var problems);
        if (mapping is null)
        {
            diagnostic = new Diagnostic("PL1100", JsonMappingLoader.Describe(problems),
                new DiagnosticLocation(options.MappingPath));
            return null;
        }

        return new MappedJsonParser(mapping);
    }
}
