using System.Diagnostics;
using System.Globalization;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Bench.Eval;

/// <summary>
/// Measures policy evaluation on the bundled Apache log against a hand-written C# function with the same rules,
/// in the same run. It then times the compile of a 10,000-rule policy and a regex on a ReDoS pattern.
/// Usage: <c>bench/run eval [--passes N]</c>.
/// </summary>
internal static class EvalBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = RepositoryRoot();
        var logPath = Path.Combine(root, "samples", "logs", "apache_access.log");
        if (!File.Exists(logPath))
        {
            Console.Error.WriteLine($"error: sample log not found: {logPath}");
            return Task.FromResult(2);
        }

        var passesIndex = Array.IndexOf(args, "--passes");
        var passes = passesIndex >= 0 ? int.Parse(args[passesIndex + 1], CultureInfo.InvariantCulture) : 10;
        var events = SampleEvents.Load(logPath);
        Console.WriteLine($"events: {events.Count} from {Path.GetFileName(logPath)}; {5 * passes} paired passes; " +
            $"{Environment.ProcessorCount} cores; one thread");
        if (args.Contains("--per-rule"))
        {
            PerRule(events);
            return Task.FromResult(0);
        }

        Compare(events, passes, withRate: false);
        Compare(events, passes, withRate: true);
        LargePolicy.Measure();
        RedosCheck.Measure();
        return Task.FromResult(0);
    }

    private static void Compare(List<DecisionEvent> events, int passes, bool withRate)
    {
        var (policy, diagnostics) = PolicyLoader.Load(BenchPolicy.Yaml(withRate), "bench.yaml");
        var (compiled, compileDiagnostics) = PolicyCompiler.Compile(policy!);
        if (compiled is null)
        {
            throw new InvalidOperationException(string.Join("; ", diagnostics.Concat(compileDiagnostics)));
        }

        var mismatches = CountMismatches(compiled, events, withRate);
        var compiledRates = new List<double>();
        var handRates = new List<double>();
        var ratios = new List<double>();
        for (var round = 0; round < 5 * passes; round++)
        {
            // Paired passes, one right after the other, so load from other processes hits both sides alike.
            var compiledRate = Time(events, () => { var ev = new PolicyEvaluator(compiled); return e => ev.Evaluate(e).DecidingRule; });
            var handRate = Time(events, () => { var hand = new HandWrittenPolicy(withRate); return hand.Evaluate; });
            compiledRates.Add(compiledRate);
            handRates.Add(handRate);
            ratios.Add(compiledRate / handRate);
        }

        var compiledMedian = Median(compiledRates);
        var handMedian = Median(handRates);
        var label = withRate ? "20 rules with rate()" : "20 stateless rules";
        Console.WriteLine();
        Console.WriteLine($"{label}: decisions differing from the hand-written function: {mismatches} of {events.Count}");
        Console.WriteLine($"  compiled policy:      {compiledMedian,12:N0} evaluations/s (median of {compiledRates.Count} passes; best {compiledRates.Max():N0})");
        Console.WriteLine($"  hand-written C#:      {handMedian,12:N0} evaluations/s (median; best {handRates.Max():N0})");
        Console.WriteLine($"  ratio compiled/hand:  {Median(ratios),12:0.00} (median of paired passes; ratio of bests {compiledRates.Max() / handRates.Max():0.00})");
        Console.WriteLine($"  rule conditions/s:    {compiledMedian * AverageRulesEvaluated(compiled, events),12:N0} (compiled policy)");
    }

    private static void PerRule(List<DecisionEvent> events)
    {
        var (policy, _) = PolicyLoader.Load(BenchPolicy.Yaml(withRate: false), "bench.yaml");
        var (compiled, _) = PolicyCompiler.Compile(policy!);
        var context = new EvaluationContext();
        foreach (var rule in compiled!.Rules)
        {
            var watch = Stopwatch.StartNew();
            for (var pass = 0; pass < 5; pass++)
            {
                foreach (var e in events)
                {
                    context.Reset(e);
                    try
                    {
                        rule.Evaluate(context);
                    }
                    catch (PolicyLoop.Policies.Expressions.Runtime.CelException)
                    {
                    }
                }
            }

            Console.WriteLine($"{rule.Rule.Id}: {watch.Elapsed.TotalNanoseconds / (events.Count * 5),8:0} ns  {rule.Rule.When}");
        }
    }

    private static int CountMismatches(CompiledPolicy compiled, List<DecisionEvent> events, bool withRate)
    {
        var evaluator = new PolicyEvaluator(compiled);
        var hand = new HandWrittenPolicy(withRate);
        return events.Count(e => evaluator.Evaluate(e).DecidingRule != hand.Evaluate(e));
    }

    private static double AverageRulesEvaluated(CompiledPolicy compiled, List<DecisionEvent> events)
    {
        var evaluator = new PolicyEvaluator(compiled);
        var ids = compiled.Rules.Select(r => r.Rule.Id).ToList();
        return events.Average(e => evaluator.Evaluate(e).DecidingRule is { } id ? ids.IndexOf(id) + 1 : ids.Count);
    }

    private static double Time(List<DecisionEvent> events, Func<Func<DecisionEvent, string?>> create)
    {
        var sink = 0;
        var evaluate = create();
        var watch = Stopwatch.StartNew();
        foreach (var e in events)
        {
            sink += evaluate(e)?.Length ?? 0;
        }

        var elapsed = watch.Elapsed;
        GC.KeepAlive(sink);
        return events.Count / elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicyLoop.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
