namespace PolicyLoop.Analysis.Patterns;

/// <summary>A user agent's family (Googlebot, Chrome, curl), its major version when it has one, and its kind.</summary>
public sealed record UserAgentClass(string Family, int? Major, UserAgentKind Kind)
{
    /// <summary>The family and major version, such as <c>Chrome/42</c>, or the family alone.</summary>
    public string Label => Major is { } major
        ? Family + "/" + major.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : Family;
}
