using System.CommandLine;
using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Patterns;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Cli.Patterns;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Core;
using PolicyLoop.Ingest;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Reports.Model;
using PolicyLoop.Reports.Model.Review;
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
        var policy = new Option<string?>("--policy")
        {
            Description = "The policy to evaluate on every event; without it the report shows the logged decisions.",
        };
        var against = new Option<string?>("--against")
        {
            Description = "A baseline policy: the report folder also gets a replay of --policy against it, in replay/.",
        };

        var enrich = EnrichmentOption.Create();
        var command = new Command("analyze", "Ingest logs and write a forensic report of what was rejected, by which rule.")
        {
            logs, store, output, format, policy, against, enrich,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new AnalyzeRequest(
                parsed.GetValue(logs) ?? [],
                parsed.GetValue(store)!,
                parsed.GetValue(output)!,
                parsed.GetValue(format)!,
                parsed.GetValue(policy),
                parsed.GetValue(against),
                parsed.GetValue(enrich)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(AnalyzeRequest request, CancellationToken cancellationToken)
    {
        var policy = request.Policy is null ? null : PolicyFiles.LoadCompiled(request.Policy);
        var baseline = request.Against is null ? null : PolicyFiles.LoadCompiled(request.Against);
        OutputFolder.RequireFolder(request.Out);
        if (baseline is not null && policy is null)
        {
            throw new UsageException("--against needs --policy: pass the candidate policy with --policy");
        }

        using var enricher = request.Enrich is null ? null : EnrichmentOption.Open(request.Enrich);
        using var store = DuckDbEventStore.Open(request.Store, threads: DuckDbEventStore.IngestThreads);
        var options = new IngestOptions { Format = request.Format, Enrich = enricher is null ? null : enricher.Enrich };
        var ingest = await IngestExecution.RunAsync(store, request.Logs, options, false, cancellationToken);
        IngestReportWriter.Write(ingest.Reports, store.QuarantinePath, json: false);
        if (ingest.HasInputErrors)
        {
            return ExitCodes.UsageOrInput;
        }

        var table = new SegmentTable();
        var report = policy is null
            ? BuildReport(store, EventOutcome.Logged, "Forensic report of the logged decisions", null, table)
            : BuildPolicyReport(store, policy.Compiled!, table);
        report = report with
        {
            Anomalies = AnomalyReportSection.Build(store),
            Patterns = PatternReportSection.Build(store, table, policy),
        };
        report = report with { Review = ReviewSectionFor(store, report) };
        var written = ReportFiles.Write(report, request.Out).ToList();
        if (policy is not null && baseline is not null)
        {
            written.Add(AnalyzeReplay.Write(store, policy, baseline, Path.Combine(request.Out, "replay")));
        }

        AnalyzeSummaryWriter.Write(report, written);
        return ExitCodes.Success;
    }

    /// <summary>
    /// Computes precision per rule from the labels made on this report's policy, or on the logged
    /// decisions when it has none. Returns null when there are no such labels.
    /// </summary>
    private static ReviewSection? ReviewSectionFor(DuckDbEventStore store, ForensicReport report)
    {
        var reviewed = store.ReadReviewedEvents().Where(r => r.Label.PolicyId == report.PolicyId).ToList();
        if (reviewed.Count == 0)
        {
            return null;
        }

        var rejects = report.Rules.ToDictionary(rule => rule.RuleId, rule => rule.Rejects, StringComparer.Ordinal);
        return PrecisionCalculator.Calculate(rejects, reviewed, margin: 0.05);
    }

    private static ForensicReport BuildPolicyReport(DuckDbEventStore store, CompiledPolicy policy, SegmentTable table)
    {
        var evaluator = new PolicyEvaluator(policy);
        var rules = policy.Policy.Rules.ToDictionary(
            rule => rule.Id,
            rule => new RuleInfo(PolicyOutcomes.ActionName(rule.Action) + (rule.Mode == EnforcementMode.Shadow ? " (shadow)" : ""),
                rule.Description),
            StringComparer.Ordinal);
        var title = $"Forensic report: policy {policy.Policy.Id} {policy.Policy.Version} on stored traffic";
        return BuildReport(store, e => PolicyOutcomes.From(evaluator.Evaluate(e, explain: true)), title, rules, table)
            with
        {
            PolicyId = policy.Policy.Id,
            PolicyVersion = policy.Policy.Version,
        };
    }

    private static ForensicReport BuildReport(DuckDbEventStore store, Func<DecisionEvent, EventOutcome> evaluate,
        string title, IReadOnlyDictionary<string, RuleInfo>? rules, SegmentTable table)
    {
        var summary = store.Summarize();
        var builder = new ForensicReportBuilder(BucketWidth.For(summary), rules);
        foreach (var decisionEvent in store.ReadEvents(new EventQuery()))
        {
            var outcome = evaluate(decisionEvent);
            builder.Add(decisionEvent, outcome);
            table.Add(decisionEvent, outcome);
        }

        var notes = new List<string>();
        if (summary.Quarantined > 0)
        {
            notes.Add($"{summary.Quarantined} input records are in the quarantine and not in this report; "
                + $"see {store.QuarantinePath}.");
        }

        return builder.Build(title, TimeProvider.System.GetUtcNow().UtcDateTime, notes: notes);
    }

    private sealed record AnalyzeRequest(
        string[] Logs,
        string Store,
        string Out,
        string Format,
        string? Policy,
        string? Against,
        string? Enrich);
}
