namespace PolicyLoop.Policies.Evaluation;

/// <summary>The values of boolean sub-expressions and the regex matches of one explained evaluation.</summary>
public sealed class ExplainTrace
{
    public Dictionary<int, object?> Values { get; } = [];

    public List<RegexMatch> Matches { get; } = [];
}
