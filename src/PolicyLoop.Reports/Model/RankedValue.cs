namespace PolicyLoop.Reports.Model;

/// <summary>A value with its count and its share of the population it was ranked in.</summary>
public sealed record RankedValue(string Value, long Count, double Share);
