namespace PolicyLoop.Reports.Model;

/// <summary>An alert as the report shows it: bucket, detector, kind, observed and expected rate, and the reason.</summary>
public sealed record AlertMarker(DateTime BucketStart, string Detector, string Kind, double Observed, double Expected, string Reason);
