using System.CommandLine;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Reports;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop policy test [PATH...] [--junit FILE]</c>: runs inline tests and <c>*.tests.yaml</c> files.
/// Exit codes: 0 all passed, 1 a test failed, 2 a policy is invalid or missing.
/// </summary>
internal static class PolicyTestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Policy files, *.tests.yaml files or directories (default: the current directory).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var junit = new Option<string?>("--junit") { Description = "Also write the results as JUnit XML to this file." };
        var store = StoreOption.Create();
        store.Description = "A store with review labels; when the file exists, each policy is also checked against "
            + "the events reviewed under its policy id.";
        var command = new Command("test",
            "Run policy tests. Exit code 0: all passed; 1: a test failed; 2: a policy is invalid or missing.")
        {
            paths, junit, store,
        };
        command.SetAction(parsed => Run(parsed.GetValue(paths) ?? [], parsed.GetValue(junit), parsed.GetValue(store)!,
            storeGiven: parsed.GetResult(store) is { Implicit: false }));
        return command;
    }

    private static int Run(string[] paths, string? junit, string store, bool storeGiven)
    {
        // A missing default store only means there are no labels. A store named with --store must exist, because
        // a typo in CI would otherwise turn failing label checks into a pass.
        if (storeGiven && !File.Exists(store))
        {
            throw new UsageException($"store not found: {store}; pass the store that holds the review labels, or leave out --store");
        }

        using var reviews = ReviewedEventTests.Open(store);
        var policies = PolicyFile.Expand(paths.Length == 0 ? ["."] : paths);
        var outcomes = new List<PolicyTestOutcome>();
        var invalid = 0;
        foreach (var path in policies)
        {
            var file = PolicyFile.Load(path);
            if (file.Compiled is null)
            {
                DiagnosticWriter.Write(Console.Error, file.Diagnostics);
                invalid++;
                continue;
            }

            var results = PolicyTestRunner.Run(file.Compiled, file.Tests);
            WriteResults(path, results);
            outcomes.AddRange(results);
            reviews?.Check(path, file.Compiled);
        }

        if (junit is not null)
        {
            JUnitWriter.Write(junit, outcomes);
        }

        var failed = outcomes.Count(o => !o.Passed);
        Console.WriteLine($"{outcomes.Count - failed} passed, {failed} failed in {policies.Count - invalid} policies");
        reviews?.WriteTotals();
        if (invalid > 0)
        {
            return ExitCodes.UsageOrInput;
        }

        return failed > 0 || reviews?.Failed > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static void WriteResults(string path, IReadOnlyList<PolicyTestOutcome> results)
    {
        Console.WriteLine($"{path}: {ReportFormat.Count(results.Count, "test")}");
        foreach (var result in results)
        {
            Console.WriteLine(result.Passed
                ? $"  pass  {result.Name}"
                : $"  FAIL  {result.Name} ({result.File}:{result.Line})\n        {result.Failure}");
        }
    }
}
