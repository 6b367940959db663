using PolicyLoop.Reports.Html;
using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Reports.Tests.Html;

public sealed class HtmlReportWriterPatternsTests
{
    private static ForensicReport WithPatterns()
    {
        var finding = new SegmentFinding("rule-" + ReportSamples.ScriptTag, "allowed",
            [new SegmentItem("user agent", "Evil/1 " + ReportSamples.ScriptTag)], 40, 2, 100, 900, 37, 20, 68,
            "40% of rejects come from " + ReportSamples.ScriptTag);
        var suggestion = new SuggestionSummary("rule-" + ReportSamples.ScriptTag, "exemption",
            "reason " + ReportSamples.ScriptTag, "user_agent.contains(\"" + ReportSamples.ScriptTag + "\")", 100, 40, 0, 3);
        var templates = new RuleTemplates("rule-" + ReportSamples.ScriptTag, 30, 2,
            [new TemplateRow("T1", "GET " + ReportSamples.ScriptTag + " <*>", 24, 0.8), new TemplateRow("T2", "POST <*>", 6, 0.2)]);
        return ReportSamples.Hostile() with
        {
            Patterns = new PatternSection([finding], [suggestion], []) { Templates = [templates] },
        };
    }

    [Fact]
    public void Render_WithPatterns_ShowsSegmentsAndSuggestions()
    {
        var html = HtmlReportWriter.Render(WithPatterns());

        html.ShouldContain("<h2>Patterns</h2>");
        html.ShouldContain("Suggestions, replayed against the policy");
        html.ShouldContain("37 (20 to 68)");
        html.ShouldContain("40 newly allowed");
    }

    [Fact]
    public void Render_PatternValuesFromLogs_AreEncoded()
    {
        var html = HtmlReportWriter.Render(WithPatterns());

        html.ShouldNotContain("Evil/1 <script>");
        html.ShouldNotContain("rule-<script>");
        html.ShouldNotContain("reason <script>");
        html.ShouldContain("Evil/1 &lt;script&gt;");
    }

    [Fact]
    public void RenderMarkdown_WithPatterns_ListsFindingsAndSuggestions()
    {
        var markdown = MarkdownReportWriter.Render(WithPatterns());

        markdown.ShouldContain("**Patterns among rejects**");
        markdown.ShouldContain("40 newly allowed");
        markdown.ShouldNotContain("come from <script>");
    }

    [Fact]
    public void Render_TemplatesFromLogs_AreListedAndEncoded()
    {
        var html = HtmlReportWriter.Render(WithPatterns());
        var markdown = MarkdownReportWriter.Render(WithPatterns());

        html.ShouldContain("Message templates of the rejects");
        html.ShouldContain("<code>GET &lt;script&gt;alert(1)&lt;/script&gt; &lt;*&gt;</code>");
        html.ShouldNotContain("GET <script>");
        markdown.ShouldContain("(30) fall into 2 templates; 80.00% are T1: GET");
        markdown.ShouldNotContain("GET <script>");
    }
}
