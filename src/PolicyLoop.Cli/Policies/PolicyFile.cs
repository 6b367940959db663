using PolicyLoop.Core;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Policies.Files;

namespace PolicyLoop.Cli.Policies;

/// <summary>Loads and compiles one policy file, with the tests of its <c>*.tests.yaml</c> companion.</summary>
internal sealed record PolicyFile(string Path, CompiledPolicy? Compiled, IReadOnlyList<PolicyTest> Tests, IReadOnlyList<Diagnostic> Diagnostics)
{
    public const string TestsSuffix = ".tests.yaml";

    public static PolicyFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"policy file not found: {path}; pass the path of a YAML policy file");
        }

        var text = File.ReadAllText(path);
        var (policy, diagnostics) = PolicyLoader.Load(text, path);
        if (policy is null)
        {
            return new PolicyFile(path, null, [], diagnostics);
        }

        var (compiled, compileDiagnostics) = PolicyCompiler.Compile(policy, text);
        var all = diagnostics.Concat(compileDiagnostics).ToList();
        var tests = policy.Tests.ToList();
        var companion = TestsPathFor(path);
        if (File.Exists(companion))
        {
            var (more, testDiagnostics) = PolicyTestReader.LoadFile(File.ReadAllText(companion), companion);
            tests.AddRange(more);
            all.AddRange(testDiagnostics);
        }

        var ordered = all.OrderBy(d => d.Location?.File, StringComparer.Ordinal).ThenBy(d => d.Location?.Line).ThenBy(d => d.Location?.Column).ToList();
        return new PolicyFile(path, ordered.Count == 0 ? compiled : null, tests, ordered);
    }

    public static string TestsPathFor(string policyPath)
    {
        var directory = System.IO.Path.GetDirectoryName(policyPath) ?? "";
        return System.IO.Path.Combine(directory, System.IO.Path.GetFileNameWithoutExtension(policyPath) + TestsSuffix);
    }

    /// <summary>The policy file that a tests file belongs to: <c>edge.tests.yaml</c> tests <c>edge.yaml</c>.</summary>
    public static string PolicyPathFor(string testsPath) =>
        testsPath[..^TestsSuffix.Length] + ".yaml";

    /// <summary>Expands directories into their policy files (not recursive; tests files excluded).</summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                result.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                    .Where(f => !f.EndsWith(TestsSuffix, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                result.Add(path.EndsWith(TestsSuffix, StringComparison.Ordinal) ? PolicyPathFor(path) : path);
            }
        }

        return [.. result.Distinct(StringComparer.Ordinal)];
    }
}
