using PolicyLoop.Reports.Html;
using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Review;

namespace PolicyLoop.Reports.Tests.Html;

public sealed class HtmlReportWriterReviewTests
{
    private static ForensicReport WithReview() => ReportSamples.Hostile() with
    {
        Review = new ReviewSection
        {
            LabelledEvents = 60,
            Margin = 0.05,
            Rules =
            [
                new RulePrecision
                {
                    RuleId = "deny-bots " + ReportSamples.ScriptTag,
                    Rejects = 1109,
                    Reviewed = 8,
                    Unsure = 0,
                    FalsePositives = 6,
                    FalsePositiveShare = 0.75,
                    ShareLow = 0.409,
                    ShareHigh = 0.929,
                    EstimatedFalsePositives = 832,
                    EstimateLow = 477,
                    EstimateHigh = 1109,
                    EstimatedFrom = 8,
                    MoreNeeded = 278,
                },
                new RulePrecision { RuleId = "unreviewed", Rejects = 5, Reviewed = 0, Unsure = 0, FalsePositives = 0 },
            ],
        },
    };

    [Fact]
    public void Render_WithReview_ShowsIntervalBars()
    {
        var html = HtmlReportWriter.Render(WithReview());

        html.ShouldContain("<h2>Review: false positives per rule</h2>");
        html.ShouldContain("<span style=\"left:40.9%;width:52.0%\"></span><i style=\"left:75.0%\"></i>");
        html.ShouldContain("75.00% (40.90% to 92.90%)");
        html.ShouldContain("832 (477 to 1109)");
        html.ShouldContain("not reviewed");
    }

    [Fact]
    public void Render_WithReview_EncodesRuleId()
    {
        var html = HtmlReportWriter.Render(WithReview());

        html.ShouldNotContain(ReportSamples.ScriptTag);
        html.ShouldContain("deny-bots &lt;script&gt;");
    }

    [Fact]
    public void Markdown_WithReview_ListsRules()
    {
        var markdown = MarkdownReportWriter.Render(WithReview());

        markdown.ShouldContain("### Review: false positives per rule");
        markdown.ShouldContain("| 1,109 | 8 | 75.00% (40.90% to 92.90%) | 832 (477 to 1109) |");
    }
}
