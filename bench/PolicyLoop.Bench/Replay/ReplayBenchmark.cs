using System.Diagnostics;
using System.Globalization;
using PolicyLoop.Analysis.Replay;
using PolicyLoop.Bench.Eval;
using PolicyLoop.Bench.Ingest;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Reports;
using PolicyLoop.Storage;

namespace PolicyLoop.Bench.Replay;

/// <summary>
/// <c>bench/run replay [--events N] [--check-events N] [--key-events N] [--replay-only]</c>: replays the edge
/// sample policy (plus six regex and CIDR rules) over a generated store of N events (10 million by
/// default) through the projected, read-ahead path of <c>policyloop replay</c>. It prints events
/// per second, the read and evaluate times, a bare DuckDB scan of the same columns as the
/// reading reference, and the peak resident set. It then checks that the complete-event path
/// gives the same report on the first check-events events. Last, it measures the peak resident
/// set of a replay with 1 million distinct rate keys and of one with 1,000, each in a child process.
/// </summary>
internal static class ReplayBenchmark
{
    /// <summary>The columns every projected read selects besides the requested fields.</summary>
    private static readonly string[] AlwaysRead = ["event_id", "time", "source", "decision", "mode"];

    private static readonly DateTime GeneratedAt = new(2026, 12, 4, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ReplayBenchmarkOptions.Parse(args);
        var policy = ReplayPolicy.Load(EvalBenchmark.RepositoryRoot());
        if (options.KeysSide is { } keys)
        {
            return RunKeysSide(policy, keys, options.KeyEvents);
        }

        var storePath = EnsureStore($"replay-{options.Events}.duckdb", options.Events, TimeSpan.FromDays(7), 200_000, false);
        using (var store = DuckDbEventStore.Open(storePath, readOnly: true))
        {
            var fields = new PolicyReplayer(policy, null, new ReplayComparerOptions()).FieldsRead;
            var run = ReplayRun.Fast(store, policy, new EventQuery(), GeneratedAt);
            var peak = SideResult.ReadPeakWorkingSet();
            if (options.ReplayOnly)
            {
                PrintReplay(run);
                return 0;
            }

            var read = ProjectedReadOnly(store, fields);
            var scan = BareScan(store, fields);
            PrintThroughput(run, scan, read, peak, fields.Count + 5);
            CheckSamePathResults(store, policy, options.CheckEvents);
            var many = await RunKeysChildAsync(1_000_000, options.KeyEvents);
            var few = await RunKeysChildAsync(1_000, options.KeyEvents);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay: {run.Report.Counts.Considered:N0} events at {run.EventsPerSecond:N0} events/s end to end "
                + $"(target 1,000,000); reading {run.ReadShare:P0} of the work, evaluating {1 - run.ReadShare:P0}; "
                + $"{run.EventsPerSecond / scan.EventsPerSecond:F2}x a bare DuckDB scan; peak RSS {peak / 1048576.0:N0} MiB; "
                + $"1M rate keys peak RSS {many / 1048576.0:N0} MiB ({(many - few) / 1048576.0:N0} MiB over 1,000 keys)"));
        }

        return 0;
    }

    private static void PrintReplay(ReplayRun run) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"replay: {run.Report.Counts.Considered:N0} events at {run.EventsPerSecond:N0} events/s (CPU {run.CpuSeconds:F1} s); "
            + $"reading {run.Read.TotalSeconds:F1} s, recording rate() windows {run.Record.TotalSeconds:F1} s, "
            + $"evaluating {run.Evaluate.TotalSeconds:F1} s, waiting {run.Wait.TotalSeconds:F1} s; "
            + $"{run.Gc.Collections:N0} garbage collections pausing {run.Gc.Paused.TotalSeconds:F2} s"));

    private static string EnsureStore(string name, long events, TimeSpan span, int clients, bool distinct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "policyloop-bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (File.Exists(path))
        {
            Console.WriteLine($"store: {path} (reused; delete it to generate again)");

            // A store written by an older build has an older schema. Opening it for writing once migrates it, as
            // ingest would, so that the read-only opens below accept it.
            using (DuckDbEventStore.Open(path))
            {
            }

            return path;
        }

        var partial = path + ".partial";
        File.Delete(partial);
        File.Delete(partial + ".wal");
        ReplayStoreGenerator.Write(partial, events, span, clients, distinct);
        File.Move(partial, path);
        return path;
    }

    /// <summary>
    /// The reading reference: one DuckDB query that returns the same columns in the same order, stepping through
    /// the rows without reading their values. It sorts the whole table at once, where the projected read sorts
    /// one time slice per query.
    /// </summary>
    private static Throughput BareScan(DuckDbEventStore store, IReadOnlyList<string> fields)
    {
        var columns = string.Join(", ", AlwaysRead.Union(fields)
            .Select(column => $"\"{column}\""));
        var stopwatch = Stopwatch.StartNew();
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM events ORDER BY time, event_id";
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            rows++;
        }

        return new Throughput(rows, stopwatch.Elapsed);
    }

    private static Throughput ProjectedReadOnly(DuckDbEventStore store, IReadOnlyList<string> fields)
    {
        var stopwatch = Stopwatch.StartNew();
        using var reader = store.ReadProjected(new EventQuery(), fields);
        var chunk = new DecisionEvent?[2048];
        long rows = 0;
        int filled;
        do
        {
            filled = reader.Fill(chunk);
            rows += filled;
        }
        while (filled == chunk.Length);

        return new Throughput(rows, stopwatch.Elapsed);
    }

    private static void PrintThroughput(ReplayRun run, Throughput scan, Throughput read, long peak, int columns)
    {
        var evaluate = run.Evaluate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            bare DuckDB scan, {columns} columns, ordered: {scan.Rows,12:N0} rows {scan.Elapsed.TotalSeconds,7:F1} s {scan.EventsPerSecond,12:N0} rows/s
            projected read into events:          {read.Rows,12:N0} rows {read.Elapsed.TotalSeconds,7:F1} s {read.EventsPerSecond,12:N0} rows/s ({read.EventsPerSecond / scan.EventsPerSecond:F2}x the scan)
            replay end to end:                   {run.Report.Counts.Considered,12:N0} events {run.Elapsed.TotalSeconds,5:F1} s {run.EventsPerSecond,12:N0} events/s (CPU {run.CpuSeconds:F1} s)
              bucket width and first query {run.QueryStart.TotalSeconds:F1} s; reader thread reading {run.Read.TotalSeconds:F1} s and recording rate() windows {run.Record.TotalSeconds:F1} s; replaying thread evaluating {evaluate.TotalSeconds:F1} s, waiting for events {run.Wait.TotalSeconds:F1} s
              shares of the work: reading {run.ReadShare:P1}, evaluating (rate() recording included) {1 - run.ReadShare:P1}
              {run.Gc.Collections:N0} garbage collections, pausing the threads for {run.Gc.Paused.TotalSeconds:F2} s
              counts: unchanged {run.Report.Counts.Unchanged:N0}, changed {run.Report.Counts.Changed:N0}, errors {run.Report.Counts.Errors:N0}
            peak RSS (VmHWM) of the replay, measured before the two reading passes: {peak / 1048576.0:N0} MiB
            """));
    }

    /// <summary>Replays the first events through both read paths and compares the reports' JSON.</summary>
    private static void CheckSamePathResults(DuckDbEventStore store, CompiledPolicy policy, long events)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT time FROM events ORDER BY time, event_id LIMIT 1 OFFSET {events}";
        var until = command.ExecuteScalar() is DateTime time ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : (DateTime?)null;
        var query = new EventQuery(Until: until);
        var complete = ReplayRun.Complete(store, policy, query, GeneratedAt);
        var fast = ReplayRun.Fast(store, policy, query, GeneratedAt);
        var same = ReportJson.Serialize(complete.Report) == ReportJson.Serialize(fast.Report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check on the first {complete.Report.Counts.Considered:N0} events: complete-event path "
            + $"{complete.EventsPerSecond:N0} events/s (CPU {complete.CpuSeconds:F1} s), projected path "
            + $"{fast.EventsPerSecond:N0} events/s (CPU {fast.CpuSeconds:F1} s); reports identical: {(same ? "yes" : "NO")}"));
        if (!same)
        {
            throw new InvalidOperationException("the two read paths gave different replay reports");
        }
    }

    private static async Task<long> RunKeysChildAsync(int keys, long events)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "replay", "--keys-side", keys.ToString(CultureInfo.InvariantCulture),
            "--key-events", events.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        SideResult? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            var parsed = SideResult.TryParse(line);
            result ??= parsed;
            if (parsed is null)
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        return child.ExitCode == 0 && result is not null
            ? result.PeakWorkingSetBytes
            : throw new InvalidOperationException($"the {keys}-key replay failed with exit code {child.ExitCode}");
    }

    /// <summary>
    /// A child process: replays a store whose events spread evenly over <paramref name="keys"/>
    /// client addresses within 5 minutes, so every key is alive in every rate window at the end.
    /// </summary>
    private static int RunKeysSide(CompiledPolicy policy, int keys, long events)
    {
        var path = EnsureStore($"replay-keys{keys}-{events}.duckdb", events, TimeSpan.FromMinutes(5), keys, true);
        using var store = DuckDbEventStore.Open(path, readOnly: true);
        var run = ReplayRun.Fast(store, policy, new EventQuery(), GeneratedAt);
        var peak = SideResult.ReadPeakWorkingSet();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{keys:N0} distinct clients: {run.Report.Counts.Considered:N0} events at {run.EventsPerSecond:N0} events/s, "
            + $"peak RSS {peak / 1048576.0:N0} MiB, managed heap after the run {GC.GetTotalMemory(false) / 1048576.0:N0} MiB"));
        new SideResult(run.Elapsed.TotalSeconds, run.CpuSeconds, run.Report.Counts.Considered, peak, 0).Print();
        return 0;
    }

    private sealed record Throughput(long Rows, TimeSpan Elapsed)
    {
        public double EventsPerSecond => Rows / Elapsed.TotalSeconds;
    }
}
