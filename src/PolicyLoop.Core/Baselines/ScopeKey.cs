namespace PolicyLoop.Core.Baselines;

/// <summary>
/// A baseline scope. Parts below the level are empty strings, and so are missing policy or rule ids.
/// </summary>
public sealed record ScopeKey(ScopeLevel Level, string Source, string PolicyId, string RuleId)
{
    /// <summary>The scope as <c>source=S policy=P rule=R</c>, down to its level; "-" marks an empty id.</summary>
    public override string ToString() => Level switch
    {
        ScopeLevel.Source => $"source={Source}",
        ScopeLevel.Policy => $"source={Source} policy={Show(PolicyId)}",
        _ => $"source={Source} policy={Show(PolicyId)} rule={Show(RuleId)}",
    };

    private static string Show(string id) => id.Length == 0 ? "-" : id;
}
