using System.Globalization;
using PolicyLoop.Reports.Model.Replay;

namespace PolicyLoop.Cli.Replay;

/// <summary>
/// A <c>--fail-on</c> threshold: a measure, <c>&gt;</c>, and a limit as a count or a percentage
/// of considered events, such as <c>newly-rejected&gt;0.5%</c> or <c>critical-allowed&gt;0</c>.
/// </summary>
internal sealed record FailCondition(string Measure, double Limit, bool IsPercent, string Text)
{
    public static IReadOnlyList<string> Measures { get; } =
        ["newly-rejected", "newly-allowed", "changed", "errors", "critical-allowed"];

    public static FailCondition Parse(string text)
    {
        var parts = text.Split('>', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !Measures.Contains(parts[0]))
        {
            throw new UsageException(
                $"invalid --fail-on \"{text}\": write MEASURE>LIMIT with MEASURE one of {string.Join(", ", Measures)}, "
                + "for example newly-rejected>0.5% or critical-allowed>0");
        }

        var isPercent = parts[1].EndsWith('%');
        var number = isPercent ? parts[1][..^1] : parts[1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit) || limit < 0)
        {
            throw new UsageException($"invalid --fail-on limit \"{parts[1]}\": write a number such as 10 or a percentage such as 0.5%");
        }

        return new FailCondition(parts[0], limit, isPercent, text);
    }

    /// <summary>Returns the measured value and whether it crosses the limit.</summary>
    public (double Value, bool Crossed) Check(ReplayReport report)
    {
        var counts = report.Counts;
        double value = Measure switch
        {
            "newly-rejected" => counts.AllowToReject,
            "newly-allowed" => counts.RejectToAllow,
            "changed" => counts.Changed,
            "errors" => counts.Errors,
            _ => report.RuleChanges.Where(change => change.Critical).Sum(change => change.Events),
        };
        if (IsPercent)
        {
            value = counts.Considered == 0 ? 0 : value * 100 / counts.Considered;
        }

        return (value, value > Limit);
    }
}
