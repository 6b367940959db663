namespace PolicyLoop.Reports.Model.Patterns;

/// <summary>The patterns section of a forensic report: top segments per rule and checked suggestions.</summary>
public sealed record PatternSection(
    IReadOnlyList<SegmentFinding> Segments,
    IReadOnlyList<SuggestionSummary> Suggestions,
    IReadOnlyList<string> Notes);
