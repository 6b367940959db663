namespace PolicyLoop.Reports.Model.Replay;

/// <summary>How many events a rule could not evaluate, with one example message.</summary>
public sealed record RuleErrorCount(string Policy, string RuleId, long Events, string ExampleMessage);
