using System.Globalization;
using PolicyLoop.Reports.Model.Patterns;

namespace PolicyLoop.Analysis.Patterns;

/// <summary>Mines a rule's segments from a table and words each one as a finding.</summary>
public static class SegmentExplainer
{
    /// <summary>Returns the rule's top segments, highest risk ratio first.</summary>
    public static IReadOnlyList<SegmentFinding> Explain(SegmentTable table, string ruleId,
        SegmentComparison comparison, IReviewLabels labels, SegmentMinerOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var mined = SegmentMiner.Mine(table.DataFor(ruleId, comparison, labels), options);
        var versus = comparison == SegmentComparison.Allowed ? "allowed" : "true-positives";
        return
        [
            .. mined.Select(options.MinRiskRatio, options.Top).Select(candidate =>
            {
                var items = MostSpecific(table, mined.Describe(candidate));
                var finding = new SegmentFinding(ruleId, versus, items, candidate.Target, candidate.Comparison,
                    mined.TargetTotal, mined.ComparisonTotal, candidate.Ratio.Value, candidate.Ratio.Low,
                    candidate.Ratio.High, "");
                return finding with { Text = Word(finding) };
            }),
        ];
    }

    /// <summary>Drops items of nested attributes after the first, so a finding names a client, not also its /24.</summary>
    private static IReadOnlyList<SegmentItem> MostSpecific(SegmentTable table, IReadOnlyList<SegmentItem> items)
    {
        var nestings = new HashSet<string>(StringComparer.Ordinal);
        return
        [
            .. items.Where(item => table.Attribute(item.Attribute)?.Nesting is not { } nesting || nestings.Add(nesting)),
        ];
    }

    /// <summary>
    /// Words a finding as a sentence, such as "41% of rejects by scrape-rate (1,204) come from user agent
    /// InvTrack/2 and client /24 198.51.100.0/24; risk ratio 37 (95% CI 30 to 46); 0.1% of allowed events (96)".
    /// </summary>
    public static string Word(SegmentFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var group = finding.Versus == "allowed"
            ? $"rejects by {finding.RuleId}"
            : $"false positives of {finding.RuleId}";
        var comparison = finding.Versus == "allowed" ? "allowed events" : "true positives";
        var items = string.Join(" and ", finding.Items.Select(item => $"{item.Attribute} {item.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Percent(finding.TargetShare)} of {group} ({finding.Target:N0}) come from {items}; "
            + $"risk ratio {Ratio(finding.RiskRatio)} (95% CI {Ratio(finding.RiskRatioLow)} to "
            + $"{Ratio(finding.RiskRatioHigh)}); {Percent(finding.ComparisonShare)} of {comparison} "
            + $"({finding.Comparison:N0})");
    }

    /// <summary>Formats a share as a percentage with two significant digits below 10%.</summary>
    public static string Percent(double share) => share >= 0.1 || share == 0
        ? (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%"
        : (share * 100).ToString("0.0#", CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a risk ratio: whole numbers from 10, one decimal below.</summary>
    public static string Ratio(double ratio) => ratio >= 10
        ? ratio.ToString("#,0", CultureInfo.InvariantCulture)
        : ratio.ToString("0.0", CultureInfo.InvariantCulture);
}
