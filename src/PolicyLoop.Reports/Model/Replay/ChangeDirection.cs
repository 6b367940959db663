namespace PolicyLoop.Reports.Model.Replay;

/// <summary>How an event's outcome changed between the baseline and the candidate.</summary>
public enum ChangeDirection
{
    /// <summary>Allowed by the baseline, rejected by the candidate.</summary>
    AllowToReject,

    /// <summary>Rejected by the baseline, allowed by the candidate.</summary>
    RejectToAllow,

    /// <summary>Rejected by both, with different actions.</summary>
    ActionChanged,
}
