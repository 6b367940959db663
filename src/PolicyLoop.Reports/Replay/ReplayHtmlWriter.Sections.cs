using System.Globalization;
using System.Text;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Reports.Replay;

/// <summary>The table sections of <see cref="ReplayHtmlWriter"/>.</summary>
public static partial class ReplayHtmlWriter
{
    private static void AppendRuleChanges(StringBuilder html, ReplayReport report)
    {
        html.Append("<h2>Changes per rule</h2>\n");
        if (report.RuleChanges.Count == 0)
        {
            html.Append("<p>No event changed.</p>\n");
            return;
        }

        html.Append("<table><thead><tr><th>rule</th><th>direction</th><th>action</th><th class=\"n\">events</th></tr></thead><tbody>");
        foreach (var change in report.RuleChanges)
        {
            var critical = change.Critical ? " <strong>critical</strong>" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td><code>{SafeText.Html(change.RuleId)}</code>{critical}</td><td>{Direction(change.Direction)}</td>"
                + $"<td>{SafeText.Html(change.Action)}</td><td class=\"n\">{ReportFormat.Count(change.Events)}</td></tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendProblems(StringBuilder html, ReplayReport report)
    {
        if (report.Errors.Count > 0)
        {
            html.Append("<h2>Evaluation errors</h2><table><thead><tr><th>policy</th><th>rule</th><th class=\"n\">events</th>"
                + "<th>example</th></tr></thead><tbody>");
            foreach (var error in report.Errors)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{SafeText.Html(error.Policy)}</td><td><code>{SafeText.Html(error.RuleId)}</code></td>"
                    + $"<td class=\"n\">{ReportFormat.Count(error.Events)}</td><td>{SafeText.Html(error.ExampleMessage, 300)}</td></tr>");
            }

            html.Append("</tbody></table>\n");
        }

        if (report.Unfaithful.Count > 0)
        {
            html.Append("<h2>Events that cannot be replayed faithfully</h2><table><thead><tr><th>reason</th>"
                + "<th class=\"n\">events</th></tr></thead><tbody>");
            foreach (var item in report.Unfaithful)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{SafeText.Html(item.Reason, 400)}</td><td class=\"n\">{ReportFormat.Count(item.Events)}</td></tr>");
            }

            html.Append("</tbody></table>\n");
        }
    }

    private static void AppendSegments(StringBuilder html, string heading, IReadOnlyList<SegmentList> segments)
    {
        if (segments.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2>{SafeText.Html(heading)}</h2><div class=\"columns\">");
        foreach (var segment in segments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div><h3>{SafeText.Html(segment.Attribute)}</h3>");
            html.Append("<table><thead><tr><th>value</th><th class=\"n\">events</th><th class=\"n\">share</th></tr></thead><tbody>");
            foreach (var value in segment.Values)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td><code>{SafeText.Html(value.Value, 90)}</code></td><td class=\"n\">{ReportFormat.Count(value.Count)}</td>"
                    + $"<td class=\"n\">{ReportFormat.Percent(value.Share)}</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append("</div>\n");
    }

    private static void AppendSamples(StringBuilder html, IReadOnlyList<ChangedEvent> samples)
    {
        if (samples.Count == 0)
        {
            return;
        }

        html.Append("<h2>Samples of changed events</h2><table class=\"examples\"><thead><tr><th>time (UTC)</th>"
            + "<th>change</th><th>client</th><th>request</th><th>user agent</th><th>baseline</th><th>candidate</th>"
            + "<th>rejecting clause and matched text</th></tr></thead><tbody>");
        foreach (var sample in samples)
        {
            var match = sample.MatchedText is null ? "" : $"<div>matched <mark>{SafeText.Html(sample.MatchedText, 80)}</mark></div>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{sample.Time:yyyy-MM-dd HH:mm:ss}</td><td>{Direction(sample.Direction)}</td>"
                + $"<td><code>{SafeText.Html(sample.ClientIp)}</code></td>"
                + $"<td><code>{SafeText.Html(sample.Method)} {SafeText.Html(sample.Path, 100)}</code></td>"
                + $"<td>{SafeText.Html(sample.UserAgent, 80)}</td>"
                + $"<td>{SafeText.Html(sample.BaselineAction)} <code>{SafeText.Html(sample.BaselineRule)}</code></td>"
                + $"<td>{SafeText.Html(sample.CandidateAction)} <code>{SafeText.Html(sample.CandidateRule)}</code></td>"
                + $"<td><code>{SafeText.Html(sample.Clause, 120)}</code>{match}"
                + $"<div class=\"detail\">event {SafeText.Html(sample.EventId)}</div></td></tr>");
        }

        html.Append("</tbody></table>\n");
    }

    private static void AppendReview(StringBuilder html, ReviewEstimate? review)
    {
        html.Append("<h2>Review estimates</h2>");
        if (review is null)
        {
            html.Append("<p>No replayed event has a review label yet, so false positives removed and true positives "
                + "lost cannot be estimated. Label sampled rejects to fill this section.</p>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<p>From {ReportFormat.Count(review.ReviewedEvents)} reviewed events: false positives removed "
            + $"{review.FalsePositivesRemoved:F0} (95% interval {review.FalsePositivesRemovedLow:F0} to {review.FalsePositivesRemovedHigh:F0}); "
            + $"true positives lost {review.TruePositivesLost:F0} (95% interval {review.TruePositivesLostLow:F0} to {review.TruePositivesLostHigh:F0}).</p>\n");
    }

    private static string Direction(ChangeDirection direction) => direction switch
    {
        ChangeDirection.AllowToReject => "allow &rarr; reject",
        ChangeDirection.RejectToAllow => "reject &rarr; allow",
        _ => "action changed",
    };
}
