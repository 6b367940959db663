using System.CommandLine;
using System.Globalization;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Cli.Review;
using PolicyLoop.Reports;
using PolicyLoop.Reports.Model.Review;
using Spectre.Console;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop precision</c>: per rule, the rejects in the period, the reviewed ones, the
/// false-positive share with a 95% Wilson interval, the estimated false positives among all
/// rejects, and the reviews still needed for a chosen margin. Exit codes: 0 printed, 2 invalid
/// arguments, 3 store error.
/// </summary>
internal static class PrecisionCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var rule = new Option<string?>("--rule") { Description = "Show this rule only." };
        var policy = new Option<string?>("--policy")
        {
            Description = "Count the rejects this policy makes; without it, the rejects the logs record.",
        };
        var since = new Option<string?>("--since") { Description = "Count rejects at or after this UTC time (ISO 8601)." };
        var margin = new Option<double>("--margin")
        {
            Description = "The half-width, as a fraction, that the false-positive share's interval should reach; "
                + "sets the 'more reviews needed' column.",
            DefaultValueFactory = _ => 0.05,
        };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("precision", "Show each rule's false-positive share and estimated false positives from review labels.")
        {
            store, rule, policy, since, margin, json,
        };
        command.SetAction(parsed => Run(parsed.GetValue(store)!, parsed.GetValue(rule), parsed.GetValue(policy),
            parsed.GetValue(since), parsed.GetValue(margin), parsed.GetValue(json)));
        return command;
    }

    private static int Run(string storePath, string? rule, string? policyPath, string? sinceText, double margin, bool json)
    {
        if (margin is <= 0 or >= 0.5 || double.IsNaN(margin))
        {
            throw new UsageException($"invalid --margin {margin.ToString(CultureInfo.InvariantCulture)}: "
                + "use a fraction between 0 and 0.5, such as 0.05 for plus or minus 5 points");
        }

        var policy = policyPath is null ? null : PolicyFiles.LoadCompiled(policyPath);
        var since = ReviewPopulation.ParseSince(sinceText);
        using var store = ReviewPopulation.OpenStore(storePath, readOnly: true);
        var rejects = ReviewPopulation.Rejects(store, policy, since, rule);
        var section = Calculate(rejects, store.ReadReviewedEvents(), margin, out var leftOut);
        if (json)
        {
            Console.WriteLine(ReportJson.Serialize(section));
            return ExitCodes.Success;
        }

        WriteTable(section);
        if (leftOut > 0)
        {
            Console.WriteLine($"{leftOut} labelled events are left out: in this period they are not rejected by the rule "
                + "recorded with their label" + (policy is null ? "" : " under this policy"));
        }

        return ExitCodes.Success;
    }

    /// <summary>Counts a label for its rule only when that rule rejects the event in this period.</summary>
    internal static ReviewSection Calculate(IReadOnlyList<AttributedReject> rejects,
        IReadOnlyList<Core.Review.ReviewedEvent> reviewed, double margin, out int leftOut)
    {
        var ruleOf = rejects.ToDictionary(r => r.Event.EventId, r => r.RuleId, StringComparer.Ordinal);
        var counted = reviewed
            .Where(r => ruleOf.TryGetValue(r.Label.EventId, out var ruleId) && ruleId == r.Label.RuleId)
            .ToList();
        leftOut = reviewed.Count - counted.Count;
        var perRule = rejects.GroupBy(r => r.RuleId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return PrecisionCalculator.Calculate(perRule, counted, margin);
    }

    private static void WriteTable(ReviewSection section)
    {
        Console.WriteLine($"{section.LabelledEvents} labelled events; intervals are 95%");
        var table = new Table().AddColumns("rule", "rejects", "reviewed", "false pos.", "FP share (95% interval)",
            "est. false positives (95% interval)",
            $"more reviews for ±{Points(section.Margin)}");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var rule in section.Rules)
        {
            table.AddRow(
                Markup.Escape(SafeText.ForDisplay(rule.RuleId, 48)),
                ReportFormat.Count(rule.Rejects),
                ReportFormat.Count(rule.Reviewed),
                ReportFormat.Count(rule.FalsePositives),
                rule.FalsePositiveShare is { } share
                    ? $"{Points(share)} ({Points(rule.ShareLow)} - {Points(rule.ShareHigh)})"
                    : "-",
                rule.EstimatedFalsePositives is { } estimate
                    ? string.Create(CultureInfo.InvariantCulture,
                        $"{estimate:F0} ({rule.EstimateLow:F0} - {rule.EstimateHigh:F0})")
                    : "-",
                ReportFormat.Count(rule.MoreNeeded));
        }

        AnsiConsole.Write(table);
        Console.WriteLine("The share's interval (Wilson) is over the reviewed rejects; the estimate's interval is over all rejects "
            + "and weighs each review by its inclusion probability, so the two differ. docs/review.md explains both.");
    }

    private static string Points(double fraction) =>
        (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
