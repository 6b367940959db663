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
                return CreateOpa(options, out diagnostic);
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

    private static OpaDecisionParser? CreateOpa(ParserOptions options, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (options.MappingPath is null)
        {
            return new OpaDecisionParser();
        }

        var mapping = LoadMapping(options.MappingPath, requireFields: false, out diagnostic);
        return mapping is null ? null : new OpaDecisionParser(mapping.Decision);
    }

    // NOTE: CanonicalJsonParser reads through the general mapping code, which favours clear
    // reasons over speed. A reader specialised for the event record's shape can replace it here.
    private static IRecordParser? CreateJsonLines(ParserOptions options, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        if (options.MappingPath is null)
        {
            return new EventJsonParser();
        }

        var mapping = LoadMapping(options.MappingPath, requireFields: true, out diagnostic);
        return mapping is null ? null : new MappedJsonParser(mapping);
    }

    private static JsonMapping? LoadMapping(string path, bool requireFields, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        var mapping = JsonMappingLoader.Load(path, out var problems, requireFields);
        if (mapping is null)
        {
            diagnostic = new Diagnostic("PL1100", JsonMappingLoader.Describe(problems), new DiagnosticLocation(path));
        }

        return mapping;
    }
}
