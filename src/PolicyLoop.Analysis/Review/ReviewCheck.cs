using PolicyLoop.Core.Review;

namespace PolicyLoop.Analysis.Review;

/// <summary>The result of checking a policy against one reviewed event; <see cref="Failure"/> is null when it passed.</summary>
public sealed record ReviewCheck(string EventId, ReviewLabel Label, string RuleId, string? Failure)
{
    public bool Passed => Failure is null;
}
