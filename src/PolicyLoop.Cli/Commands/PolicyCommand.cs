using System.CommandLine;

namespace PolicyLoop.Cli.Commands;

/// <summary><c>policyloop policy</c>: check, test and evaluate policy files.</summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", "Check, test and evaluate policy files.")
    {
        PolicyCheckCommand.Create(),
        PolicyTestCommand.Create(),
        PolicyEvalCommand.Create(),
    };
}
