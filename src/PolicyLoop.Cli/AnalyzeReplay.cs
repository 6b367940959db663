using PolicyLoop.Cli.Policies;
using PolicyLoop.Cli.Replay;
using PolicyLoop.Core;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli;

/// <summary>The replay part of analyze with --against: replays the candidate against the baseline into a sub-folder.</summary>
internal static class AnalyzeReplay
{
    public static string Write(DuckDbEventStore store, PolicyFile candidate, PolicyFile baseline, string folder)
    {
        var report = ReplayExecution.Run(store, candidate, baseline, new EventQuery());
        ReplayOutput.WriteFiles(report, folder);
        return Path.Combine(folder, "index.html");
    }
}
