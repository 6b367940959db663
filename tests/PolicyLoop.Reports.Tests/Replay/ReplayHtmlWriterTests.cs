using PolicyLoop.Reports.Replay;

namespace PolicyLoop.Reports.Tests.Replay;

public sealed class ReplayHtmlWriterTests
{
    private static readonly string Html = ReplayHtmlWriter.Render(ReplayReportSamples.Hostile());

    [Fact]
    public void Render_HostileText_IsEncoded()
    {
        Html.ShouldNotContain("<script");
        Html.ShouldNotContain("\" onmouseover=\"");
        Html.ShouldNotContain("\u001b");
        Html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public void Render_Counts_ShowReconciliation()
    {
        Html.ShouldContain("1,000 = 900 + 95 + 5");
    }

    [Fact]
    public void Render_CriticalRule_IsMarked()
    {
        Html.ShouldContain("<code>sqli`</code> <strong>critical</strong>");
    }

    [Fact]
    public void Render_NoReviews_ExplainsEmptyReviewSection()
    {
        Html.ShouldContain("No replayed event has a review label yet");
    }

    [Fact]
    public void Render_Samples_ShowBothSidesAndMatchedText()
    {
        Html.ShouldContain("<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>");
        Html.ShouldContain("deny <code>bots</code>");
    }
}
