namespace PolicyLoop.Reports.Model.Replay;

/// <summary>One time bucket of a replay: events and the rejects of the candidate, the baseline and the logs.</summary>
public sealed record ReplayBucket(DateTime Start, long Events, long CandidateRejects, long BaselineRejects, long LoggedRejects);
