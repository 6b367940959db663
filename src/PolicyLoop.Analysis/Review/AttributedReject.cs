using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Review;

/// <summary>A reject with the rule and policy version that made it, and the outcome it came from.</summary>
public sealed record AttributedReject(DecisionEvent Event, string RuleId, string? PolicyId, string? PolicyVersion,
    EventOutcome Outcome);
