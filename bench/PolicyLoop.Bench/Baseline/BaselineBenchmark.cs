namespace PolicyLoop.Bench.Baseline;

/// <summary><c>bench/run baseline</c>: times baseline computation over generated events.</summary>
internal static class BaselineBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("error: the baseline benchmark is not implemented yet");
        return Task.FromResult(3);
    }
}
