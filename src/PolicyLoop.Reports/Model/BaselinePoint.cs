namespace PolicyLoop.Reports.Model;

/// <summary>A bucket's observed reject rate and the band expected from earlier buckets (null without history).</summary>
public readonly record struct BaselinePoint(DateTime Start, double Rate, double? Expected, double? Lower, double? Upper);
