using System.CommandLine;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Core;
using PolicyLoop.Ingest;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Reports.Model;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop analyze</c>: ingests logs (idempotently) and writes a forensic report of every
/// event in the store: a terminal summary, <c>index.html</c>, <c>report.json</c> and <c>report.md</c>.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var logs = new Argument<string[]>("log")
        {
            Description = "Log files, directories, glob patterns, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOption.Create();
        var output = new Option<string>("--out")
        {
            Description = "Folder for index.html, report.json and report.md.",
            DefaultValueFactory = _ => "policyloop-report",
        };
        var format = new Option<string>("--format")
        {
            Description = "The log format, or auto to detect it per input.",
            DefaultValueFactory = _ => LogFormat.Auto,
        };
        format.AcceptOnlyFromAmong([.. LogFormat.All]);

        var command = new Command("analyze", "Ingest logs and write a forensic report of what was rejected, by which rule.")
        {
            logs, store, output, format,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(logs) ?? [],
            parsed.GetValue(store)!,
            parsed.GetValue(output)!,
            parsed.GetValue(format)!,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] logs, string storePath, string outputFolder, string format,
        CancellationToken cancellationToken)
    {
        using var store = DuckDbEventStore.Open(storePath);
        var ingest = await IngestExecution.RunAsync(store, logs, new IngestOptions { Format = format }, false,
            cancellationToken);
        IngestReportWriter.Write(ingest.Reports, store.QuarantinePath, json: false);
        if (ingest.HasInputErrors)
        {
            return ExitCodes.UsageOrInput;
        }

        var report = BuildReport(store, EventOutcome.Logged, "Forensic report of the logged decisions");
        report = report with { Anomalies = AnomalyReportSection.Build(store) };
        var written = ReportFiles.Write(report, outputFolder);
        AnalyzeSummaryWriter.Write(report, written);
        return ExitCodes.Success;
    }

    private static ForensicReport BuildReport(DuckDbEventStore store, Func<DecisionEvent, EventOutcome> evaluate,
        string title)
    {
        var summary = store.Summarize();
        var span = summary.FirstEvent is { } first && summary.LastEvent is { } last ? last - first : TimeSpan.Zero;
        var builder = new ForensicReportBuilder(BucketWidth.For(span));
        foreach (var decisionEvent in store.ReadEvents(new EventQuery()))
        {
            builder.Add(decisionEvent, evaluate(decisionEvent));
        }

        var notes = new List<string>();
        if (summary.Quarantined > 0)
        {
            notes.Add($"{summary.Quarantined} input records are in the quarantine and not in this report; "
                + $"see {store.QuarantinePath}.");
        }

        return builder.Build(title, TimeProvider.System.GetUtcNow().UtcDateTime, notes: notes);
    }
}
