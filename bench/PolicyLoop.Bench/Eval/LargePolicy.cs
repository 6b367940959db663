using System.Diagnostics;
using System.Globalization;
using System.Text;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Bench.Eval;

/// <summary>Measures loading and compiling a generated policy with 10,000 rules.</summary>
internal static class LargePolicy
{
    private const int RuleCount = 10_000;

    public static void Measure()
    {
        var yaml = Generate();
        var watch = Stopwatch.StartNew();
        var (policy, loadDiagnostics) = PolicyLoader.Load(yaml, "large.yaml");
        var loaded = watch.Elapsed;
        if (policy is null)
        {
            Console.WriteLine($"large policy did not load: {string.Join("; ", loadDiagnostics.Take(3))}");
            return;
        }

        var (compiled, diagnostics) = PolicyCompiler.Compile(policy!);
        var total = watch.Elapsed;
        foreach (var rule in compiled?.Rules ?? [])
        {
            _ = rule.Evaluate;
        }

        var generated = watch.Elapsed - total;
        Console.WriteLine();
        Console.WriteLine($"{RuleCount:N0}-rule policy ({yaml.Length / 1024:N0} KiB of YAML): load {loaded.TotalSeconds:0.00} s, " +
            $"load and check {total.TotalSeconds:0.00} s, then generating all {compiled?.Rules.Count ?? 0} delegates " +
            $"{generated.TotalSeconds:0.00} s; {diagnostics.Count} diagnostics");
    }

    private static string Generate()
    {
        var builder = new StringBuilder("id: large\nversion: \"1\"\ndefault: allow\nrules:\n");
        for (var i = 0; i < RuleCount; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            var condition = (i % 5) switch
            {
                0 => $"path.startsWith('/p{n}/')",
                1 => $"path.matches(r'^/r{n}/[a-z]+[.]php$')",
                2 => $"cidr('10.{i % 250}.{i / 250 % 250}.0/24').containsIP(client_ip)",
                3 => $"user_agent.contains('agent-{n}') && status >= 400",
                _ => $"rate(client_ip, '{1 + (i % 60)}m') > {50 + i}",
            };
            builder.Append(CultureInfo.InvariantCulture, $"  - {{ id: r{n}, when: \"{condition}\", action: deny }}\n");
        }

        return builder.ToString();
    }
}
