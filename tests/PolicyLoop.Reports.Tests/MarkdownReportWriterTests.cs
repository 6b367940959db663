using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports.Tests;

public sealed class MarkdownReportWriterTests
{
    [Fact]
    public void Render_HostileRuleId_CannotBreakTable()
    {
        var markdown = MarkdownReportWriter.Render(ReportSamples.Hostile());

        markdown.ShouldContain(@"xss\|probe");
        markdown.ShouldNotContain("<script>");
        markdown.ShouldContain("100 events; the policy rejects 5 (5.00%)");
    }

    [Fact]
    public void Render_MoreRulesThanRows_SaysHowManyAreLeftOut()
    {
        var report = ReportSamples.Hostile();
        var rules = Enumerable.Range(1, 13)
            .Select(i => report.Rules[0] with { RuleId = $"rule-{i:D2}", Rejects = 20 - i })
            .ToList();

        var markdown = MarkdownReportWriter.Render(report with { Rules = rules });

        markdown.ShouldContain("| rule-10 |");
        markdown.ShouldNotContain("| rule-11 |");
        markdown.ShouldContain("3 more rules with 24 rejects are listed in index.html and report.json.");
    }

    [Fact]
    public void Render_WithAnomalies_ShowsSparklineCaretAndAlertRow()
    {
        var markdown = MarkdownReportWriter.Render(ReportSamples.WithAnomalies());

        markdown.ShouldContain("### Anomalies");
        markdown.ShouldContain("1 alert on 1 scope, 5-minute buckets.");
        var lines = markdown.Split('\n');
        var sparkline = Array.FindIndex(lines, l => l == "```text") + 1;
        lines[sparkline].Length.ShouldBe(20);
        lines[sparkline][15].ShouldBe('█');
        lines[sparkline + 1].ShouldBe(new string(' ', 15) + "^");
        markdown.ShouldContain("| 2026-03-02 01:15 | seasonal | spike | 40.00% | 5.00% | 1.00% to 9.00% |");
    }

    [Fact]
    public void Render_AnomalyScopeAndReasonFromLogs_AreEscaped()
    {
        var markdown = MarkdownReportWriter.Render(ReportSamples.WithAnomalies());

        markdown.ShouldNotContain("<script>");
        markdown.ShouldContain(@"rule=\<script\>");
    }

    [Fact]
    public void Render_LongHistory_DrawsAtMostOneLineWidth()
    {
        var report = ReportSamples.WithAnomalies();
        var chart = report.Anomalies!.Charts[0];
        var start = chart.Points[0].Start;
        var points = Enumerable.Range(0, 1000).Select(i => new BaselinePoint(start.AddMinutes(5 * i), i == 900 ? 0.5 : 0.01, null, null, null)).ToList();
        var alert = chart.Alerts[0] with { BucketStart = start.AddMinutes(5 * 900) };
        var longReport = report with { Anomalies = report.Anomalies with { Charts = [chart with { Points = points, Alerts = [alert] }] } };

        var lines = MarkdownReportWriter.Render(longReport).Split('\n');

        var sparkline = Array.FindIndex(lines, l => l == "```text") + 1;
        lines[sparkline].Length.ShouldBeLessThanOrEqualTo(96);
        lines[sparkline + 1].IndexOf('^', StringComparison.Ordinal).ShouldBe(900 / 11);
        lines[sparkline][900 / 11].ShouldBe('█');
        MarkdownReportWriter.Render(longReport).ShouldContain("| none yet |");
    }

    [Fact]
    public void Render_WithoutAnomalies_HasNoSection() =>
        MarkdownReportWriter.Render(ReportSamples.Hostile()).ShouldNotContain("Anomalies");
}
