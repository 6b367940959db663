using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using PolicyLoop.Analysis.Review;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Cli.Review;
using PolicyLoop.Core.Review;
using Spectre.Console;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop sample</c>: draws a named, reproducible batch of rejects for review. Exit codes:
/// 0 drawn (or nothing left to draw), 2 invalid arguments, 3 store error.
/// </summary>
internal static partial class SampleCommand
{
    private static readonly string[] StrategyNames = ["random", "stratified", "near-threshold", "unseen"];

    public static Command Create()
    {
        var store = StoreOption.Create();
        var rule = new Option<string?>("--rule") { Description = "Sample the rejects of this rule only." };
        var policy = new Option<string?>("--policy")
        {
            Description = "Charge each reject to the rule this policy decides with; without it, to the rule the log names.",
        };
        var since = new Option<string?>("--since") { Description = "Sample rejects at or after this UTC time (ISO 8601)." };
        var size = new Option<int>("--size") { Description = "Events to draw.", DefaultValueFactory = _ => 50 };
        var strategy = new Option<string>("--strategy")
        {
            Description = "random: a simple random sample; stratified: an equal share per rule; near-threshold: "
                + "rejects closest to the rule's limit; unseen: rejects of rules and client networks not yet reviewed.",
            DefaultValueFactory = _ => "stratified",
        };
        strategy.AcceptOnlyFromAmong(StrategyNames);
        var seed = new Option<ulong>("--seed") { Description = "Seed of the draw; the same store, arguments and seed give the same batch." };
        var name = new Option<string?>("--name") { Description = "The batch name (default: batch-N)." };
        var by = new Option<string>("--by")
        {
            Description = "The strata of the stratified strategy: rule, or rule-network for each rule and client /24 "
                + "(IPv6 /48) pair.",
            DefaultValueFactory = _ => "rule",
        };
        by.AcceptOnlyFromAmong("rule", "rule-network");
        var command = new Command("sample", "Draw a reproducible batch of rejects for review. "
            + "Events already labelled or in a batch are not drawn again.")
        {
            store, rule, policy, since, size, strategy, seed, name, by,
        };
        command.SetAction(parsed => Run(new SampleArguments(
            parsed.GetValue(store)!,
            parsed.GetValue(rule),
            parsed.GetValue(policy),
            parsed.GetValue(since),
            parsed.GetValue(size),
            parsed.GetValue(strategy)!,
            parsed.GetValue(seed),
            parsed.GetValue(name),
            parsed.GetValue(by) == "rule-network")));
        return command;
    }

    private static int Run(SampleArguments arguments)
    {
        if (arguments.Size <= 0)
        {
            throw new UsageException($"invalid --size {arguments.Size}: draw at least one event");
        }

        if (arguments.BySegment && arguments.Strategy != "stratified")
        {
            throw new UsageException($"--by rule-network applies to --strategy stratified, not {arguments.Strategy}; "
                + "drop --by or pass --strategy stratified");
        }

        var policy = arguments.Policy is null ? null : PolicyFiles.LoadCompiled(arguments.Policy);
        var since = ReviewPopulation.ParseSince(arguments.Since);
        using var store = ReviewPopulation.OpenStore(arguments.Store);
        var name = arguments.Name ?? $"batch-{store.ReadBatchNames().Count + 1}";
        CheckName(name);
        if (store.ReadBatch(name) is not null)
        {
            throw new UsageException($"a batch named {name} exists; pass another --name");
        }

        var rejects = ReviewPopulation.Rejects(store, policy, since, arguments.Rule);
        var excluded = store.ReadSampledOrLabelledEventIds();
        var request = new SampleRequest(name, ParseStrategy(arguments.Strategy), arguments.Size, arguments.Seed,
            arguments.BySegment);
        var drawn = ReviewSampler.Draw(rejects, excluded, request);
        if (drawn.Count == 0)
        {
            Console.WriteLine($"no rejects left to draw: {rejects.Count} rejects match, and every one is labelled or in a batch");
            return ExitCodes.Success;
        }

        var batch = new ReviewBatch(name, arguments.Strategy, arguments.Seed, policy?.Compiled!.Policy.Id,
            policy?.Compiled!.Policy.Version, policy is null ? null : Path.GetFullPath(policy.Path), arguments.Describe(),
            TimeProvider.System.GetUtcNow().UtcDateTime);
        store.CreateBatch(batch, drawn);
        WriteSummary(batch, drawn, rejects.Count(r => !excluded.Contains(r.Event.EventId)), arguments.Store);
        return ExitCodes.Success;
    }

    private static void CheckName(string name)
    {
        if (!BatchName().IsMatch(name) || name is "export" or "import")
        {
            throw new UsageException($"invalid batch name \"{Reports.SafeText.ForDisplay(name, 80)}\": use up to 64 letters, digits, "
                + "dots, dashes and underscores, and not export or import");
        }
    }

    private static SampleStrategy ParseStrategy(string name) => name switch
    {
        "random" => SampleStrategy.Random,
        "near-threshold" => SampleStrategy.NearThreshold,
        "unseen" => SampleStrategy.Unseen,
        _ => SampleStrategy.Stratified,
    };

    private static void WriteSummary(ReviewBatch batch, IReadOnlyList<SampledEvent> drawn, int eligible, string storePath)
    {
        Console.WriteLine($"batch {batch.Name}: {drawn.Count} events drawn from {eligible} eligible rejects "
            + $"({batch.Strategy}, seed {batch.Seed})");
        var table = new Table().AddColumns("stratum", "drawn", "inclusion probability");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var stratum in drawn.GroupBy(d => d.Stratum, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var probability = stratum.First().InclusionProbability;
            table.AddRow(
                Markup.Escape(Reports.SafeText.ForDisplay(stratum.Key)),
                stratum.Count().ToString(CultureInfo.InvariantCulture),
                probability is { } p ? p.ToString("0.####", CultureInfo.InvariantCulture) : "none (chosen by score)");
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"next: policyloop review {batch.Name}{StoreOption.ForCommand(storePath)}");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.NonBacktracking)]
    private static partial Regex BatchName();

    private sealed record SampleArguments(string Store, string? Rule, string? Policy, string? Since, int Size,
        string Strategy, ulong Seed, string? Name, bool BySegment)
    {
        public string Describe()
        {
            var parts = new List<string> { $"--strategy {Strategy}", $"--size {Size}", $"--seed {Seed}" };
            if (Rule is not null)
            {
                parts.Add($"--rule {Rule}");
            }

            if (Policy is not null)
            {
                parts.Add($"--policy {Policy}");
            }

            if (Since is not null)
            {
                parts.Add($"--since {Since}");
            }

            if (BySegment)
            {
                parts.Add("--by rule-network");
            }

            return string.Join(' ', parts);
        }
    }
}
