using System.CommandLine;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Cli.Replay;
using PolicyLoop.Core;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop replay</c>: evaluates a candidate policy over stored events in time order and
/// compares it with another policy or with the logged decisions. Exit codes: 0 replayed,
/// 1 a <c>--fail-on</c> threshold was crossed, 2 invalid policy or arguments.
/// </summary>
internal static class ReplayCommand
{
    private const string LatestEvent = "the latest stored event";

    public static Command Create()
    {
        var options = new ReplayOptionSet();
        var command = new Command("replay",
            "Replay a candidate policy over stored events and report what it changes. "
            + "Exit code 0: replayed; 1: a --fail-on threshold was crossed; 2: invalid policy or arguments.");
        options.AddTo(command);
        command.SetAction(parsed => Run(options.Read(parsed)));
        return command;
    }

    private static int Run(ReplayRequest request)
    {
        var candidate = PolicyFiles.LoadCompiled(request.Policy);
        var baseline = request.Against is null ? null : PolicyFiles.LoadCompiled(request.Against);
        var conditions = request.FailOn.Select(FailCondition.Parse).ToList();
        OutputFolder.RequireFolder(request.Out);
        if (!File.Exists(request.Store))
        {
            throw new UsageException($"store not found: {request.Store}; run 'policyloop ingest LOG' first or pass --store");
        }

        using var store = DuckDbEventStore.Open(request.Store, readOnly: true);
        var latest = new Lazy<DateTime?>(() => store.LatestEventTime(request.Source));
        var query = new EventQuery(
            TimeBound.Parse(request.Since, "--since", () => latest.Value, LatestEvent),
            TimeBound.Parse(request.Until, "--until", () => latest.Value, LatestEvent),
            request.Source);
        if (query.Since is { } since && query.Until is { } until && since >= until)
        {
            throw new UsageException($"--since {request.Since} is not before --until {request.Until}; swap them");
        }

        var report = ReplayExecution.Run(store, candidate, baseline, query, request.Seed);

        ReplayOutput.Write(report, request.Format, request.Out);
        if (report.Counts.Considered == 0)
        {
            // A CI gate over an empty range would otherwise pass without anyone noticing.
            Console.Error.WriteLine("warning: no stored event matches the range and source; nothing was replayed");
            return conditions.Count > 0 ? ExitCodes.Findings : ExitCodes.Success;
        }

        return CheckThresholds(report, conditions);
    }

    private static int CheckThresholds(Reports.Model.Replay.ReplayReport report, List<FailCondition> conditions)
    {
        var crossed = false;
        foreach (var condition in conditions)
        {
            var (value, isCrossed) = condition.Check(report);
            if (isCrossed)
            {
                crossed = true;
                var shown = condition.IsPercent ? $"{value:F3}%" : $"{value:F0}";
                Console.Error.WriteLine($"fail-on: {condition.Text} crossed: measured {shown}");
            }
        }

        return crossed ? ExitCodes.Findings : ExitCodes.Success;
    }

}
