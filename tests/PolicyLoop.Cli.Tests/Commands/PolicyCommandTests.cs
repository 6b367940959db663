using System.CommandLine;
using PolicyLoop.Cli.Commands;
using PolicyLoop.Cli.Policies;

namespace PolicyLoop.Cli.Tests.Commands;

[Collection("Console")]
public sealed class PolicyCommandTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "PolicyLoop.slnx")))
        {
            directory = directory.Parent;
        }

        return directory.FullName;
    }

    private static async Task<(int Code, string Output, string Errors)> Run(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(errors);
        try
        {
            var root = new RootCommand("test") { PolicyCommand.Create() };
            var code = await CommandRunner.InvokeAsync(root, ["policy", .. args]);
            return (code, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    private static string Sample(string relative) => Path.Combine(Root, relative);

    [Fact]
    public async Task Check_EdgeSample_Succeeds()
    {
        var (code, output, _) = await Run("check", Sample("samples/policies/edge.yaml"));

        code.ShouldBe(ExitCodes.Success);
        output.ShouldContain("ok (16 rules, 15 tests)");
    }

    [Fact]
    public async Task Check_BrokenPolicy_ReportsAllProblems()
    {
        var path = Sample("samples/broken-policies/edge-typos.yaml");

        var (code, _, errors) = await Run("check", path);

        code.ShouldBe(ExitCodes.Findings);
        errors.ShouldContain($"{path}:9:11: error PL120: rule 'deny-wordpress': unknown field 'pth'");
        errors.ShouldContain("  9 |     when: pth.matches('(?i)/wp-admin')\n    |           ^");
        errors.ShouldContain("hint: did you mean 'path'?");
        errors.ShouldContain("8 problems in 1 file");
    }

    [Fact]
    public async Task Check_ErrorOnLongLine_ShowsWindowAroundColumn()
    {
        // A 300-character condition with an unknown field near its end: the excerpt must stay short and the caret
        // must point at the field inside the shortened line.
        var condition = string.Join(" || ", Enumerable.Range(0, 20).Select(i => $"path == '/p{i:D3}'")) + " || pth == '/x'";
        var path = Path.Combine(Path.GetTempPath(), $"policyloop-long-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"name: long\nrules:\n  - id: r\n    action: deny\n    when: {condition}\n");
        try
        {
            var (code, _, errors) = await Run("check", path);

            code.ShouldBe(ExitCodes.Findings);
            var lines = errors.Split('\n');
            var source = lines.Single(l => l.StartsWith("  5 | ", StringComparison.Ordinal));
            source.Length.ShouldBeLessThanOrEqualTo(6 + DiagnosticWriter.MaxExcerpt + 6);
            source.ShouldStartWith("  5 | ...");
            var caret = lines[Array.IndexOf(lines, source) + 1];
            source.Substring(caret.IndexOf('^', StringComparison.Ordinal), 3).ShouldBe("pth");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Test_EdgeSample_WritesJUnit()
    {
        var junit = Path.Combine(Path.GetTempPath(), $"policyloop-junit-{Guid.NewGuid():N}.xml");
        try
        {
            var (code, output, _) = await Run("test", Sample("samples/policies/edge.yaml"), "--junit", junit);

            code.ShouldBe(ExitCodes.Success);
            output.ShouldContain("15 passed, 0 failed");
            var xml = System.Xml.Linq.XDocument.Load(junit);
            xml.Root!.Attribute("tests")!.Value.ShouldBe("15");
            xml.Root.Attribute("failures")!.Value.ShouldBe("0");
        }
        finally
        {
            File.Delete(junit);
        }
    }

    [Fact]
    public async Task Eval_WordPressProbe_ExplainsMatchedText()
    {
        var (code, output, _) = await Run("eval", Sample("samples/policies/edge.yaml"), "--event",
            """{"client_ip":"192.0.2.1","path":"/blog/wp-login.php","user_agent":"Mozilla/5.0"}""");

        code.ShouldBe(ExitCodes.Success);
        output.ShouldContain("decision: deny");
        output.ShouldContain("rule: deny-wordpress-probes");
        output.ShouldContain("matched \"/wp-login.php\" at character 6 of the field");
    }

    [Fact]
    public async Task Eval_UnknownEventField_IsUsageError()
    {
        var (code, _, errors) = await Run("eval", Sample("samples/policies/edge.yaml"), "--event", """{"pth":"/"}""");

        code.ShouldBe(ExitCodes.UsageOrInput);
        errors.ShouldContain("unknown event field 'pth'; did you mean 'path'?");
    }
}
