namespace PolicyLoop.Reports.Model;

/// <summary>
/// Counts over the whole report. <c>Rejects</c> are the policy's rejects; <c>LoggedRejects</c>
/// are the rejects the source itself logged, for comparison.
/// </summary>
public sealed record ReportTotals(
    long Events,
    long Rejects,
    long LoggedRejects,
    long EvaluationErrors,
    DateTime? FirstEvent,
    DateTime? LastEvent)
{
    public double RejectRate => Events == 0 ? 0 : (double)Rejects / Events;
}
