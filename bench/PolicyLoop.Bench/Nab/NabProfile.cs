namespace PolicyLoop.Bench.Nab;

/// <summary>A NAB cost matrix: the weights of a true positive, a missed window and a false positive.</summary>
internal sealed record NabProfile(string Name, double TpWeight, double FnWeight, double FpWeight);
