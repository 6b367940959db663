using System.CommandLine;
using PolicyLoop.Cli;
using PolicyLoop.Cli.Commands;

// Without a terminal, Spectre.Console assumes 80 columns and wraps tables; logs and CI keep whole lines.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 160;
}

var root = new RootCommand("PolicyLoop: turn decision logs into better safety policies.")
{
    IngestCommand.Create(),
    SummaryCommand.Create(),
    AnalyzeCommand.Create(),
    ReplayCommand.Create(),
    ExplainCommand.Create(),
    SuggestCommand.Create(),
    EnrichCommand.Create(),
    PolicyCommand.Create(),
    BaselineCommand.Create(),
    AlertsCommand.Create(),
    TemplatesCommand.Create(),
    WatchCommand.Create(),
    SampleCommand.Create(),
    ReviewCommand.Create(),
    PrecisionCommand.Create(),
};

return await CommandRunner.InvokeAsync(root, args);
