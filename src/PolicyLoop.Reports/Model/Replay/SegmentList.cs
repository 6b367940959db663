
namespace PolicyLoop.Reports.Model.Replay;

/// <summary>The most frequent values of one attribute (client /24, user agent, path, status, country).</summary>
public sealed record SegmentList(string Attribute, IReadOnlyList<RankedValue> Values);
