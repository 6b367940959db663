using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats.Apache;
using PolicyLoop.Ingest.Formats.Jsonl;

namespace PolicyLoop.Ingest.Formats;

/// <summary>Creates the parser for a format name, or reports why it cannot.</summary>
public static class ParserRegistry
{
    /// <summary>Creates a parser; returns null with a diagnostic for an unknown format or a bad mapping file.</summary>
    public static IRecordParser? Create(string format, ParserOptions options, out Diagnostic? diagnostic)
    {
        diagnostic = null;
        switch (format)
        {
            case LogFormat.Apache:
                return new ApacheLogParser();
            case LogFormat.Jsonl when options.MappingPath is null:
                return new EventJsonParser();
            default:
                diagnostic = new Diagnostic(
                    "PL1001",
                    $"unknown log format \"{format}\"",
                    Hint: $"use one of: {string.Join(", ", LogFormat.All)}");
                return null;
        }
    }
}
