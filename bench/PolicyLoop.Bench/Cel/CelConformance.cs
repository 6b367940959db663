using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Expressions.Compilation;
using PolicyLoop.Policies.Expressions.Runtime;

namespace PolicyLoop.Bench.Cel;

/// <summary>
/// Runs the CEL conformance test files (protobuf text format) that fall inside the supported subset and prints,
/// per file and in total, how many pass, fail and are out of scope, with the reasons.
/// Usage: <c>bench/run cel [--data DIR] [--verbose]</c>.
/// </summary>
internal static class CelConformance
{
    public static Task<int> RunAsync(string[] args)
    {
        var verbose = args.Contains("--verbose");
        var dataIndex = Array.IndexOf(args, "--data");
        var directory = dataIndex >= 0 && dataIndex + 1 < args.Length ? args[dataIndex + 1] : DefaultDirectory();
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.textproto").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"error: no CEL conformance files (*.textproto) found in {directory}");
            Console.Error.WriteLine("The harness reads the cel-spec simple test files from ../shared/data/cel-spec-tests next to the " +
                "repository; pass --data DIR to read them from elsewhere.");
            return Task.FromResult(2);
        }

        var results = files.SelectMany(RunFile).ToList();
        Report(results, verbose);
        return Task.FromResult(0);
    }

    private static string DefaultDirectory()
    {
        var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicyLoop.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "cel-spec-tests"));
    }

    private static IEnumerable<ConformanceTest> RunFile(string path)
    {
        var file = Path.GetFileName(path);
        var root = TextFormatParser.Parse(File.ReadAllText(path));
        foreach (var section in root.Messages("section"))
        {
            var sectionName = section.Scalar("name")?.Text ?? "";
            foreach (var test in section.Messages("test"))
            {
                var name = test.Scalar("name")?.Text ?? "";
                var (status, reason) = Run(test);
                yield return new ConformanceTest(file, sectionName, name, status, reason);
            }
        }
    }

    private static (ConformanceStatus, string?) Run(TextMessage test)
    {
        var expr = test.Scalar("expr")?.Text ?? "";
        if (ConformanceScope.OutOfScope(test, expr) is { } reason)
        {
            return (ConformanceStatus.OutOfScope, reason);
        }

        var environment = new CompilerEnvironment { DeferTypeErrors = test.Scalar("disable_check")?.Word == "true" };
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (ConformanceScope.Declare(test, environment, variables) is { } bindingReason)
        {
            return (ConformanceStatus.OutOfScope, bindingReason);
        }

        // A test without a value or an error expects true, the default of the conformance format.
        object? expected = true;
        if (test.Message("value") is { } value)
        {
            expected = ConformanceValues.Read(value, out var valueReason);
            if (valueReason is not null)
            {
                return (ConformanceStatus.OutOfScope, valueReason);
            }
        }

        return Check(expr, environment, variables, test.Has("eval_error"), expected);
    }

    private static (ConformanceStatus, string?) Check(string expr, CompilerEnvironment environment,
        Dictionary<string, object?> variables, bool expectError, object? expected)
    {
        var compiled = ExpressionCompiler.Compile(expr, environment);
        if (!compiled.Succeeded)
        {
            return expectError
                ? (ConformanceStatus.Passed, null)
                : (ConformanceStatus.Failed, "compile error: " + compiled.Diagnostics[0].Message);
        }

        object? actual;
        try
        {
            actual = compiled.Evaluate!(new EvaluationContext { Variables = variables });
        }
        catch (CelException ex)
        {
            return expectError ? (ConformanceStatus.Passed, null) : (ConformanceStatus.Failed, "evaluation error: " + ex.Message);
        }

        if (expectError)
        {
            return (ConformanceStatus.Failed, $"expected an error, got {CelFormat.Display(actual)}");
        }

        return ConformanceValues.Same(expected, actual)
            ? (ConformanceStatus.Passed, null)
            : (ConformanceStatus.Failed, $"expected {Show(expected)}, got {Show(actual)}");
    }

    private static string Show(object? value) => value is ConformanceValues.TypeName type
        ? "type " + type.Name
        : $"{CelFormat.Display(value)} ({(value is null ? "null" : value.GetType().Name)})";

    private static void Report(List<ConformanceTest> results, bool verbose)
    {
        foreach (var failure in results.Where(r => r.Status == ConformanceStatus.Failed))
        {
            Console.WriteLine($"FAIL {failure.File} {failure.Section}/{failure.Name}: {failure.Reason}");
        }

        if (verbose)
        {
            foreach (var skipped in results.Where(r => r.Status == ConformanceStatus.OutOfScope))
            {
                Console.WriteLine($"SKIP {skipped.File} {skipped.Section}/{skipped.Name}: {skipped.Reason}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"file",-24} {"passed",7} {"failed",7} {"out of scope",13}");
        foreach (var file in results.GroupBy(r => r.File))
        {
            Console.WriteLine($"{file.Key,-24} {Count(file, ConformanceStatus.Passed),7} {Count(file, ConformanceStatus.Failed),7} " +
                $"{Count(file, ConformanceStatus.OutOfScope),13}");
        }

        Console.WriteLine();
        Console.WriteLine("out of scope, by reason:");
        foreach (var reason in results.Where(r => r.Status == ConformanceStatus.OutOfScope).GroupBy(r => r.Reason).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"  {reason.Count(),5}  {reason.Key}");
        }

        var passed = Count(results, ConformanceStatus.Passed);
        var failed = Count(results, ConformanceStatus.Failed);
        var inScope = passed + failed;
        Console.WriteLine();
        Console.WriteLine($"in-scope pass rate: {(inScope == 0 ? 0 : 100.0 * passed / inScope):0.0}% of {inScope}");
        Console.WriteLine($"cel conformance: {passed} passed, {failed} failed, {Count(results, ConformanceStatus.OutOfScope)} out of scope");
    }

    private static int Count(IEnumerable<ConformanceTest> results, ConformanceStatus status) => results.Count(r => r.Status == status);
}
