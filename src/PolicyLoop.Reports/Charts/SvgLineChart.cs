using System.Globalization;
using System.Net;
using System.Text;

namespace PolicyLoop.Reports.Charts;

/// <summary>
/// Draws series over time as an inline SVG line chart with a y axis from zero to the maximum,
/// a few x labels and a legend. Output is self-contained and uses invariant number formatting.
/// </summary>
public sealed class SvgLineChart
{
    private const int Width = 880;
    private const int Height = 260;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 36;
    private const int XLabels = 6;
    private const int YTicks = 4;

    public required string Title { get; init; }

    public required IReadOnlyList<DateTime> Times { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Formats a y value for the axis, such as a count or a percentage.</summary>
    public Func<double, string> FormatY { get; init; } = value => value.ToString("N0", CultureInfo.InvariantCulture);

    public string Render()
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="{Encode(Title)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{Encode(Title)}</title>""");
        var max = Series.SelectMany(series => series.Values).DefaultIfEmpty(0).Max();
        max = NiceCeiling(max <= 0 ? 1 : max);
        AppendAxes(svg, max);
        foreach (var series in Series)
        {
            AppendLine(svg, series, max);
        }

        AppendLegend(svg);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// The smallest axis maximum at or above <paramref name="max"/> whose tick step is 1, 2, 2.5 or 5 times a power
    /// of ten, so that the ticks read 20%, 40%, 60% rather than 17.73%, 35.45%, 53.18%.
    /// </summary>
    internal static double NiceCeiling(double max)
    {
        var step = max / YTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(step)));
        var nice = new[] { 1, 2, 2.5, 5, 10 }.First(candidate => candidate * magnitude >= step * (1 - 1e-9));
        return nice * magnitude * YTicks;
    }

    private double X(int index) =>
        Times.Count <= 1 ? Left : Left + (Width - Left - Right) * (double)index / (Times.Count - 1);

    private static double Y(double value, double max) => Top + (Height - Top - Bottom) * (1 - (value / max));

    private void AppendAxes(StringBuilder svg, double max)
    {
        for (var tick = 0; tick <= YTicks; tick++)
        {
            var value = max * tick / YTicks;
            var y = Y(value, max);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<line x1="{Left}" y1="{y:F1}" x2="{Width - Right}" y2="{y:F1}" stroke="#ddd"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{Left - 6}" y="{y + 4:F1}" text-anchor="end" font-size="11">{Encode(FormatY(value))}</text>""");
        }

        if (Times.Count == 0)
        {
            return;
        }

        // Spans longer than a few days show dates with the year; shorter ones show the time of day.
        var format = Times[^1] - Times[0] > TimeSpan.FromDays(7) ? "yyyy-MM-dd" : "MM-dd HH:mm";
        var step = Math.Max(1, (Times.Count - 1) / (XLabels - 1));
        for (var index = 0; index < Times.Count; index += step)
        {
            var label = Times[index].ToString(format, CultureInfo.InvariantCulture);
            var anchor = "middle";
            if (index == 0)
            {
                anchor = "start";
            }
            else if (index + step >= Times.Count)
            {
                anchor = "end";
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{X(index):F1}" y="{Height - 12}" text-anchor="{anchor}" font-size="11">{label}</text>""");
        }
    }

    private void AppendLine(StringBuilder svg, ChartSeries series, double max)
    {
        var points = new StringBuilder();
        for (var index = 0; index < series.Values.Count && index < Times.Count; index++)
        {
            points.Append(CultureInfo.InvariantCulture, $"{X(index):F1},{Y(series.Values[index], max):F1} ");
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"""<polyline fill="none" stroke="{Encode(series.Color)}" stroke-width="1.6" points="{points.ToString().TrimEnd()}"/>""");
    }

    private void AppendLegend(StringBuilder svg)
    {
        var x = Left;
        foreach (var series in Series)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<rect x="{x}" y="8" width="12" height="12" fill="{Encode(series.Color)}"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{x + 16}" y="18" font-size="12">{Encode(series.Name)}</text>""");
            x += 28 + (series.Name.Length * 7);
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
