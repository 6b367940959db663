using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyLoop.Ingest;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Storage;

namespace PolicyLoop.Bench.Ingest;

/// <summary>Ingests the log with PolicyLoop's own pipeline into a fresh store, in a process of its own.</summary>
internal static class PolicyLoopSide
{
    public static async Task<SideResult> RunAsync(string logPath, string storePath)
    {
        var options = new IngestOptions { Format = LogFormat.Jsonl };
        var cpuAtStart = SideResult.ReadCpuSeconds();
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<FileIngestReport> reports;
        using (var store = DuckDbEventStore.Open(storePath))
        {
            var runner = new IngestRunner(store, options, NullLogger<IngestRunner>.Instance);
            var inputs = InputResolver.Resolve([logPath], () => Stream.Null, out _);
            reports = await runner.RunAsync(inputs);
        }

        stopwatch.Stop();
        var report = reports[0];
        if (report.Error is not null)
        {
            throw new InvalidOperationException($"PolicyLoop could not ingest {logPath}: {report.Error}");
        }

        Console.WriteLine(
            $"policyloop: read {report.Read:N0}, stored {report.Stored:N0}, duplicates {report.Duplicates:N0}, "
            + $"quarantined {report.Quarantined:N0}; GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/"
            + $"{GC.CollectionCount(2)}, allocated {GC.GetTotalAllocatedBytes() / (1 << 20):N0} MiB");
        return new SideResult(
            stopwatch.Elapsed.TotalSeconds,
            SideResult.ReadCpuSeconds() - cpuAtStart,
            report.Stored,
            SideResult.ReadPeakWorkingSet(),
            new FileInfo(storePath).Length);
    }
}
