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
}
