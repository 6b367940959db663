namespace PolicyLoop.Reports.Model.Patterns;

/// <summary>
/// The patterns section of a forensic report: top segments per rule, checked suggestions, and the message templates
/// of each rule's rejects.
/// </summary>
public sealed record PatternSection(
    IReadOnlyList<SegmentFinding> Segments,
    IReadOnlyList<SuggestionSummary> Suggestions,
    IReadOnlyList<string> Notes)
{
    /// <summary>Per rule, the templates its rejects' free text falls into, largest rules first.</summary>
    public IReadOnlyList<RuleTemplates> Templates { get; init; } = [];
}
