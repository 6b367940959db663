namespace PolicyLoop.Policies.Files;

/// <summary>A loaded policy file: ordered rules, named lists, a default action and inline tests.</summary>
public sealed record Policy(
    string Id,
    string Version,
    string? Description,
    RuleAction Default,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Lists,
    IReadOnlyList<PolicyRule> Rules,
    IReadOnlyList<PolicyTest> Tests,
    string File);
