namespace PolicyLoop.Ingest.Formats;

/// <summary>What a parser may need besides the records: the field-mapping file for generic JSON lines.</summary>
public sealed record ParserOptions(string? MappingPath = null);
