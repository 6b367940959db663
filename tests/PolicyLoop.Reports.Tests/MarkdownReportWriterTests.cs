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
}
