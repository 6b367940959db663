namespace PolicyLoop.Reports.Model.Replay;

/// <summary>Events whose replay cannot match what the policy would have seen, with the reason.</summary>
public sealed record UnfaithfulReplay(string Reason, long Events);
