namespace PolicyLoop.Policies.Files;

/// <summary>
/// Where an expression's text starts in its file, so expression offsets map to file lines and columns.
/// <see cref="IsBlock"/> is true for YAML block scalars, whose lines start at <see cref="Column"/> on each line.
/// </summary>
public sealed record SourceSpan(string File, int Line, int Column, bool IsBlock);
