using System.CommandLine;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Reports;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop policy check FILE...</c>: reports every problem in the policies. Exit codes: 0 no problems,
/// 1 problems found, 2 a file is missing.
/// </summary>
internal static class PolicyCheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "Policy files or directories of policy files; a *.tests.yaml file checks its policy and tests.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("check",
            "Report every problem in policy files with file:line:column, the line, a caret and a hint. " +
            "Exit code 0: no problems; 1: problems found; 2: a file is missing.")
        {
            files,
        };
        command.SetAction(parsed => Run(parsed.GetValue(files) ?? []));
        return command;
    }

    private static int Run(string[] paths)
    {
        var problems = 0;
        var policies = PolicyFile.Expand(paths);
        foreach (var path in policies)
        {
            var file = PolicyFile.Load(path);
            DiagnosticWriter.Write(Console.Error, file.Diagnostics);
            problems += file.Diagnostics.Count;
            if (file.Diagnostics.Count == 0)
            {
                var rules = file.Compiled!.Rules.Count;
                Console.WriteLine($"{path}: ok ({ReportFormat.Count(rules, "rule")}, {ReportFormat.Count(file.Tests.Count, "test")})");
            }
        }

        if (problems > 0)
        {
            Console.Error.WriteLine($"{problems} problem{(problems == 1 ? "" : "s")} in {policies.Count} file{(policies.Count == 1 ? "" : "s")}");
        }

        return problems > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }
}
