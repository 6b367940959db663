using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyLoop.Ingest;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Storage;

namespace PolicyLoop.Bench.Ingest;

/// <summary>Ingests the log with PolicyLoop's own pipeline into a fresh store, in a process of its own.</summary>
internal static class PolicyLoopSide
{
    /// <param name="logPath">The NDJSON decision log.</param>
    /// <param name="storePath">A store file that does not exist yet.</param>
    /// <param name="batchSize">Events per store transaction, or null for the product default.</param>
    /// <param name="settings">DuckDB <c>SET</c> statements to try on the store connection, such as <c>memory_limit = '1GB'</c>.</param>
    public static async Task<SideResult> RunAsync(
        string logPath,
        string storePath,
        int? batchSize,
        IReadOnlyList<string> settings)
    {
        var options = new IngestOptions { Format = LogFormat.Jsonl };
        if (batchSize is { } size)
        {
            options = options with { BatchSize = size };
        }

        var cpuAtStart = SideResult.ReadCpuSeconds();
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<FileIngestReport> reports;
        using (var store = DuckDbEventStore.Open(storePath, threads: DuckDbEventStore.IngestThreads))
        {
            foreach (var setting in settings)
            {
                using var command = store.Connection.CreateCommand();
                command.CommandText = "SET " + setting;
                command.ExecuteNonQuery();
            }

            var timed = new TimedEventStore(store);
            var runner = new IngestRunner(timed, options, NullLogger<IngestRunner>.Instance);
            var inputs = InputResolver.Resolve([logPath], () => Stream.Null, out _);
            reports = await runner.RunAsync(inputs);
            Console.WriteLine(
                $"policyloop: {timed.Batches} batches, {timed.TimeInStoreBatch.TotalSeconds:F1} s in StoreBatch "
                + $"after {stopwatch.Elapsed.TotalSeconds:F1} s");
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
