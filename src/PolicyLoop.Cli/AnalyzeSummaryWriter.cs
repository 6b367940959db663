using PolicyLoop.Reports;
using PolicyLoop.Reports.Model;
using Spectre.Console;

namespace PolicyLoop.Cli;

/// <summary>Prints the terminal summary of a forensic report.</summary>
internal static class AnalyzeSummaryWriter
{
    private const int MaxRules = 12;

    public static void Write(ForensicReport report, IReadOnlyList<string> files)
    {
        var totals = report.Totals;
        Console.WriteLine();
        Console.WriteLine($"{ReportFormat.Count(totals.Events, "event")}; rejected {ReportFormat.Count(totals.Rejects)} "
            + $"({ReportFormat.Percent(totals.RejectRate)}); logged rejects {ReportFormat.Count(totals.LoggedRejects)}; "
            + $"evaluation errors {ReportFormat.Count(totals.EvaluationErrors)}");

        var table = new Table().AddColumns("rule", "action", "rejects", "share", "other matches", "errors");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var rule in report.Rules.Take(MaxRules))
        {
            table.AddRow(
                Markup.Escape(SafeText.ForDisplay(rule.RuleId, 48)),
                Markup.Escape(rule.Action),
                ReportFormat.Count(rule.Rejects),
                ReportFormat.Percent(rule.ShareOfRejects),
                ReportFormat.Count(rule.NonDecidingMatches),
                ReportFormat.Count(rule.EvaluationErrors));
        }

        AnsiConsole.Write(table);
        if (report.Rules.Count > MaxRules)
        {
            Console.WriteLine(ReportFormat.HiddenRules([.. report.Rules.Skip(MaxRules)], "the report files"));
        }

        foreach (var note in report.Notes)
        {
            Console.WriteLine(SafeText.ForDisplay(note, 400));
        }

        Console.WriteLine("Report: " + string.Join(", ", files));
    }
}
