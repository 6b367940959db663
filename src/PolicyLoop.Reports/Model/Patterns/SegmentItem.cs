namespace PolicyLoop.Reports.Model.Patterns;

/// <summary>One attribute value of a segment, such as <c>client /24 = 198.51.100.0/24</c>.</summary>
public sealed record SegmentItem(string Attribute, string Value);
