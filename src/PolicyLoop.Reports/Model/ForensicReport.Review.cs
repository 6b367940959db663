using PolicyLoop.Reports.Model.Review;

namespace PolicyLoop.Reports.Model;

/// <summary>The optional review section of the report.</summary>
public sealed partial record ForensicReport
{
    /// <summary>Precision per rule from review labels; null when the store has no labels.</summary>
    public ReviewSection? Review { get; init; }
}
