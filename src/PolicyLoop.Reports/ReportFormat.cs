using System.Globalization;
using PolicyLoop.Reports.Model;

namespace PolicyLoop.Reports;

/// <summary>Number formats shared by the report writers, independent of the machine's culture.</summary>
public static class ReportFormat
{
    /// <summary>A count with thousands separators: 12,345.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count with its noun, singular for one: "1 test", "2 tests", "1,200 rules".</summary>
    public static string Count(long value, string singular, string? plural = null) =>
        $"{Count(value)} {(value == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>
    /// The sentence on the rules a table leaves out: "3 more rules with 24 rejects are listed in <paramref name="where"/>."
    /// </summary>
    public static string HiddenRules(IReadOnlyCollection<RuleSummary> hidden, string where) =>
        $"{Count(hidden.Count, "more rule")} with {Count(hidden.Sum(rule => rule.Rejects), "reject")} "
        + $"{(hidden.Count == 1 ? "is" : "are")} listed in {where}.";

    /// <summary>A fraction as a percentage with two decimals and no space: 0.1234 gives 12.34%.</summary>
    public static string Percent(double fraction) =>
        (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
