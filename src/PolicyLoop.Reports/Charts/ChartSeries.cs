namespace PolicyLoop.Reports.Charts;

/// <summary>One line of a chart: a name for the legend, a CSS colour and one value per x position.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double> Values);
