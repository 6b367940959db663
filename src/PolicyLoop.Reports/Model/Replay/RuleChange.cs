namespace PolicyLoop.Reports.Model.Replay;

/// <summary>
/// Changed events attributed to one rule and direction: for newly rejected events the
/// candidate's deciding rule, for newly allowed ones the baseline rule that used to reject.
/// </summary>
public sealed record RuleChange(string RuleId, ChangeDirection Direction, string Action, long Events, bool Critical);
