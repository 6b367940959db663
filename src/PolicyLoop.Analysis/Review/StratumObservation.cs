namespace PolicyLoop.Analysis.Review;

/// <summary>One reviewed reject for the stratified estimator: its stratum, inclusion probability and verdict.</summary>
public sealed record StratumObservation(string Stratum, double InclusionProbability, bool IsFalsePositive);
