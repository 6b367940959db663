namespace PolicyLoop.Analysis.Forensics;

/// <summary>What the report shows of a rule's definition: its action and description.</summary>
public sealed record RuleInfo(string Action, string? Description);
