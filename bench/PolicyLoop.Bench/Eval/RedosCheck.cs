using System.Diagnostics;
using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Bench.Eval;

/// <summary>
/// Evaluates the regex from Cloudflare's public post-mortem of its 2 July 2019 outage (a WAF rule whose
/// <c>.*(?:.*=.*)</c> part backtracks catastrophically) on growing inputs, with the policy engine's linear-time
/// regexes, and with .NET's backtracking engine for contrast.
/// </summary>
internal static class RedosCheck
{
    private const string Pattern =
        """(?:(?:\"|'|\]|\}|\\|\d|(?:nan|infinity|true|false|null|undefined|symbol|math)|`|\-|\+)+[)]*;?((?:\s|-|~|!|{}|\|\||\+)*.*(?:.*=.*)))""";

    public static void Measure()
    {
        var yaml = "id: redos\nversion: \"1\"\ndefault: allow\nrules:\n  - id: cloudflare-2019\n    when: |\n      query.matches(r'" +
            Pattern.Replace("'", "\\x27", StringComparison.Ordinal) + "')\n    action: deny\n";
        var (policy, loadDiagnostics) = PolicyLoader.Load(yaml, "redos.yaml");
        var (compiled, diagnostics) = PolicyCompiler.Compile(policy!);
        if (compiled is null)
        {
            Console.WriteLine($"ReDoS check: policy did not compile: {string.Join("; ", loadDiagnostics.Concat(diagnostics))}");
            return;
        }

        Console.WriteLine();
        Console.WriteLine("ReDoS pattern (Cloudflare WAF outage, July 2019) on input \"x\" * n + \"-\" (no '=', so no match):");
        Console.WriteLine($"  {"n",8} {"policy engine",16} {"per char",10} {"backtracking",16}");
        var evaluator = new PolicyEvaluator(compiled);
        var backtracking = new System.Text.RegularExpressions.Regex(Pattern, System.Text.RegularExpressions.RegexOptions.None,
            TimeSpan.FromSeconds(2));
        foreach (var n in new[] { 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000 })
        {
            var input = "\"" + new string('x', n) + "-";
            var e = new DecisionEvent { EventId = "r", Source = "bench", Query = input };
            evaluator.Evaluate(e);
            var watch = Stopwatch.StartNew();
            evaluator.Evaluate(e);
            var ours = watch.Elapsed;
            var theirs = n <= 16_000 ? TimeBacktracking(backtracking, input) : "skipped";
            Console.WriteLine($"  {n,8} {ours.TotalMilliseconds,13:0.000} ms {ours.TotalMicroseconds / n * 1000,7:0} ns {theirs,16}");
        }
    }

    private static string TimeBacktracking(System.Text.RegularExpressions.Regex regex, string input)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            regex.IsMatch(input);
            return $"{watch.Elapsed.TotalMilliseconds:0.0} ms";
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return "> 2 s (timeout)";
        }
    }
}
