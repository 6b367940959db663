namespace PolicyLoop.Reports.Model.Replay;

/// <summary>
/// Estimates from reviewed events: false positives the candidate removes and true positives it
/// loses, each with a 95% interval.
/// </summary>
public sealed record ReviewEstimate(
    long ReviewedEvents,
    double FalsePositivesRemoved,
    double FalsePositivesRemovedLow,
    double FalsePositivesRemovedHigh,
    double TruePositivesLost,
    double TruePositivesLostLow,
    double TruePositivesLostHigh);
