using PolicyLoop.Analysis.Forensics;
using PolicyLoop.Analysis.Replay;
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
        var summary = store.Summarize();
        var span = summary.FirstEvent is { } first && summary.LastEvent is { } last ? last - first : TimeSpan.Zero;
        var replayer = new PolicyReplayer(candidate.Compiled!, baseline.Compiled,
            new ReplayComparerOptions { BucketWidth = BucketWidth.For(span) });
        var report = replayer.Run(store.ReadEvents(new EventQuery()), PolicyFiles.Describe(candidate),
            PolicyFiles.Describe(baseline), TimeProvider.System.GetUtcNow().UtcDateTime);
        ReplayOutput.WriteFiles(report, folder);
        return Path.Combine(folder, "index.html");
    }
}
