namespace PolicyLoop.Core.Baselines;

/// <summary>
/// A baseline scope. Parts below the level are empty strings, and so are missing policy or rule ids.
/// With a <paramref name="SegmentBy"/> attribute, <paramref name="SegmentValue"/> is the event
/// attribute's value (empty when the events lack it).
/// </summary>
public sealed record ScopeKey(
    ScopeLevel Level,
    string Source,
    string PolicyId,
    string RuleId,
    Segment SegmentBy = Segment.None,
    string SegmentValue = "")
{
    /// <summary>
    /// The scope as <c>source=S policy=P rule=R</c>, down to its level, then the segment such as
    /// <c>country=DE</c>; "-" marks an empty id or value.
    /// </summary>
    public override string ToString()
    {
        var scope = Level switch
        {
            ScopeLevel.Source => $"source={Source}",
            ScopeLevel.Policy => $"source={Source} policy={Show(PolicyId)}",
            _ => $"source={Source} policy={Show(PolicyId)} rule={Show(RuleId)}",
        };
        return SegmentBy == Segment.None ? scope : $"{scope} {SegmentName(SegmentBy)}={Show(SegmentValue)}";
    }

    /// <summary>The segment's name on the command line and in scope text, such as <c>client24</c>.</summary>
    public static string SegmentName(Segment segment) => segment.ToString().ToLowerInvariant();

    private static string Show(string id) => id.Length == 0 ? "-" : id;
}
