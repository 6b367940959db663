using PolicyLoop.Reports.Replay;

namespace PolicyLoop.Reports.Tests.Replay;

public sealed class ReplayMarkdownWriterTests
{
    private static readonly string Markdown = ReplayMarkdownWriter.Render(ReplayReportSamples.Hostile());

    [Fact]
    public void Render_Counts_FitOneTableRow()
    {
        Markdown.ShouldContain("| 1,000 | 900 | 60 (6.00%) | 30 (3.00%) | 5 | 5 |");
    }

    [Fact]
    public void Render_CriticalRule_GetsWarningLine()
    {
        Markdown.ShouldContain("**Critical:** rule `sqli'` no longer rejects 30 events.");
    }

    [Fact]
    public void Render_HostileRuleId_CannotBreakTable()
    {
        Markdown.ShouldContain(@"bots\|x\<script\>");
        Markdown.ShouldNotContain("<script>");
    }

    [Fact]
    public void Render_Length_StaysShortForComments()
    {
        Markdown.Length.ShouldBeLessThan(4000);
    }

    [Fact]
    public void Render_UnfaithfulReplay_IsListed()
    {
        Markdown.ShouldContain("Not replayed faithfully: 1,000 events, source apache does not log country.");
    }
}
