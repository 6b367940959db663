namespace PolicyLoop.Cli.Review;

/// <summary>One CSV record: the line it starts on, its cells, and a parse error instead of cells.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells, string? Error);
