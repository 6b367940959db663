namespace PolicyLoop.Cli.Review;

/// <summary>One row of a label file, by column name, with the line it starts on.</summary>
internal sealed record ImportRow(int Line, IReadOnlyDictionary<string, string> Cells, string? Error);
