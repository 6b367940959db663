using System.CommandLine;

namespace PolicyLoop.Cli.Replay;

/// <summary>The options of the replay command.</summary>
internal sealed class ReplayOptionSet
{
    private readonly Option<string> _policy = new("--policy") { Description = "The candidate policy file.", Required = true };
    private readonly Option<string?> _against = new("--against") { Description = "The baseline policy file." };
    private readonly Option<bool> _againstLogged = new("--against-logged")
    {
        Description = "Compare with the decisions the logs recorded (the default without --against).",
    };
    private readonly Option<string> _store = StoreOption.Create();
    private readonly Option<string?> _since = new("--since")
    {
        Description = "Replay events at or after this time: ISO 8601 (UTC unless it has an offset), "
            + "or a duration such as 24h before the latest stored event.",
    };
    private readonly Option<string?> _until = new("--until")
    {
        Description = "Replay events before this time: ISO 8601 (UTC unless it has an offset), "
            + "or a duration such as 1h before the latest stored event.",
    };
    private readonly Option<string?> _source = new("--source") { Description = "Replay events of this source only, such as apache." };
    private readonly Option<string?> _out = new("--out") { Description = "Folder for index.html, replay.json and replay.md." };
    private readonly Option<string> _format = new("--format")
    {
        Description = "What to print on standard output.",
        DefaultValueFactory = _ => "text",
    };
    private readonly Option<string[]> _failOn = new("--fail-on")
    {
        Description = "Exit with code 1 when a measure crosses a limit: newly-rejected>0.5%, newly-allowed>10, "
            + "changed>1%, errors>0 or critical-allowed>0. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the sample of changed events." };

    public ReplayOptionSet()
    {
        _format.AcceptOnlyFromAmong("text", "markdown", "html", "json");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _policy, _against, _againstLogged, _store, _since, _until, _source, _out, _format, _failOn, _seed })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(_against) is not null && result.GetValue(_againstLogged))
            {
                result.AddError("pass either --against FILE or --against-logged, not both");
            }
        });
    }

    public ReplayRequest Read(ParseResult parsed) => new(
        parsed.GetValue(_policy)!,
        parsed.GetValue(_against),
        parsed.GetValue(_store)!,
        parsed.GetValue(_since),
        parsed.GetValue(_until),
        parsed.GetValue(_source),
        parsed.GetValue(_out),
        parsed.GetValue(_format)!,
        parsed.GetValue(_failOn) ?? [],
        parsed.GetValue(_seed));
}
