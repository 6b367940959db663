using System.Diagnostics;
using System.Globalization;

namespace PolicyLoop.Bench.Ingest;

/// <summary>
/// <c>bench/run ingest [PATH] [--size-mb N] [--seed N]</c> (and the experiment options of
/// <see cref="IngestBenchmarkOptions"/>): ingests an NDJSON decision log with
/// PolicyLoop and loads the same file with DuckDB's <c>read_json</c>, each in a child process so
/// that the peak memory figures are separate, and prints both throughputs and their ratio.
/// Without PATH it generates a seeded log (1024 MiB by default) under the temp folder, or reuses it.
/// </summary>
internal static class IngestBenchmark
{
    private const int DefaultSizeMb = 1024;
    private const int DefaultSeed = 20261101;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = IngestBenchmarkOptions.Parse(args);
        if (options.Side is { } side)
        {
            return await RunSideAsync(side, options);
        }

        var logPath = options.LogPath ?? EnsureGeneratedLog(options.SizeMb ?? DefaultSizeMb, options.Seed ?? DefaultSeed);
        var logBytes = new FileInfo(logPath).Length;
        var work = Directory.CreateTempSubdirectory("policyloop-bench-ingest-");
        try
        {
            Console.WriteLine($"log: {logPath} ({logBytes / 1048576.0:N0} MiB)");
            var policyLoop = await RunChildAsync("policyloop", logPath, Path.Combine(work.FullName, "policyloop.duckdb"),
                options.PassThrough());
            var duckDb = await RunChildAsync("duckdb", logPath, Path.Combine(work.FullName, "reference.duckdb"), []);
            PrintSummary(logBytes, policyLoop, duckDb);
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<int> RunSideAsync(string side, IngestBenchmarkOptions options)
    {
        var logPath = options.LogPath ?? throw new ArgumentException("--side needs the log PATH");
        var storePath = options.StorePath ?? throw new ArgumentException("--side needs --store PATH");
        var result = side switch
        {
            "policyloop" => await PolicyLoopSide.RunAsync(logPath, storePath, options.BatchSize, options.Settings),
            "duckdb" => DuckDbSide.Run(logPath, storePath),
            _ => throw new ArgumentException($"unknown side \"{side}\"; expected policyloop or duckdb"),
        };
        result.Print();
        return 0;
    }

    private static string EnsureGeneratedLog(int sizeMb, int seed)
    {
        var folder = Path.Combine(Path.GetTempPath(), "policyloop-bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"decisions-seed{seed}-{sizeMb}mb.jsonl");
        if (File.Exists(path))
        {
            return path;
        }

        Console.WriteLine($"generating {sizeMb} MiB of decision log (seed {seed}) at {path}");
        var stopwatch = Stopwatch.StartNew();
        var partial = path + ".partial";
        var lines = new DecisionLogGenerator(seed).WriteFile(partial, sizeMb * 1048576L);
        File.Move(partial, path, overwrite: true);
        Console.WriteLine($"generated {lines:N0} lines in {stopwatch.Elapsed.TotalSeconds:N1} s");
        return path;
    }

    private static async Task<SideResult> RunChildAsync(
        string side,
        string logPath,
        string storePath,
        IEnumerable<string> extraArguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ingest", logPath, "--side", side, "--store", storePath }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        SideResult? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            result ??= SideResult.TryParse(line);
            if (SideResult.TryParse(line) is null)
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        if (child.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException($"the {side} side failed with exit code {child.ExitCode}");
        }

        return result;
    }

    private static void PrintSummary(long logBytes, SideResult policyLoop, SideResult duckDb)
    {
        var policyLoopRate = logBytes / 1048576.0 / policyLoop.Seconds;
        var duckDbRate = logBytes / 1048576.0 / duckDb.Seconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            policyloop ingest: {policyLoop.Seconds,7:F1} s (CPU {policyLoop.CpuSeconds,6:F1} s) {policyLoopRate,7:F1} MiB/s {policyLoop.Rows,12:N0} rows peak RSS {policyLoop.PeakWorkingSetBytes / 1048576.0,6:N0} MiB store {policyLoop.StoreBytes / 1048576.0,6:N0} MiB
            duckdb read_json:  {duckDb.Seconds,7:F1} s (CPU {duckDb.CpuSeconds,6:F1} s) {duckDbRate,7:F1} MiB/s {duckDb.Rows,12:N0} rows peak RSS {duckDb.PeakWorkingSetBytes / 1048576.0,6:N0} MiB store {duckDb.StoreBytes / 1048576.0,6:N0} MiB
            """));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: policyloop {policyLoopRate:F1} MiB/s, duckdb read_json {duckDbRate:F1} MiB/s, ratio {policyLoopRate / duckDbRate:F2}x, policyloop peak RSS {policyLoop.PeakWorkingSetBytes / 1048576.0:N0} MiB"));
    }
}
