using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Reports.Model;

/// <summary>The optional patterns section of the report.</summary>
public sealed partial record ForensicReport
{
    /// <summary>Top segments per rule and replayed suggestions; null when not computed.</summary>
    public PatternSection? Patterns { get; init; }
}
