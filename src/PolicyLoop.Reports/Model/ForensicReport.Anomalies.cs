namespace PolicyLoop.Reports.Model;

/// <summary>The optional anomalies section of the report.</summary>
public sealed partial record ForensicReport
{
    /// <summary>Reject-rate charts with their baseline band and alert markers; null when not computed.</summary>
    public AnomalySection? Anomalies { get; init; }
}
