namespace PolicyLoop.Bench.Eval;

internal static class EvalBenchmark
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(args.Length);
}
