using PolicyLoop.Bench.Baseline;
using PolicyLoop.Bench.Nab;

namespace PolicyLoop.Bench;

/// <summary>Runs one named benchmark: <c>bench/run NAME [ARGS]</c>.</summary>
internal static class Program
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benchmarks = new(StringComparer.Ordinal)
    {
        ["nab"] = NabBenchmark.RunAsync,
        ["baseline"] = BaselineBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var run))
        {
            await Console.Error.WriteLineAsync(
                $"usage: bench/run NAME [ARGS]; NAME is one of: {string.Join(", ", Benchmarks.Keys)}");
            return 2;
        }

        return await run(args[1..]);
    }
}
