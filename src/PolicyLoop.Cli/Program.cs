using System.CommandLine;
using PolicyLoop.Cli;
using PolicyLoop.Cli.Commands;

var root = new RootCommand("PolicyLoop: turn decision logs into better safety policies.")
{
    IngestCommand.Create(),
    SummaryCommand.Create(),
    PolicyCommand.Create(),
};

return await CommandRunner.InvokeAsync(root, args);
