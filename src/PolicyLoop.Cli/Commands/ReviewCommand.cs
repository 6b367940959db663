using System.CommandLine;
using PolicyLoop.Cli.Policies;
using PolicyLoop.Cli.Review;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Reports;
using PolicyLoop.Storage;
using Spectre.Console;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop review BATCH</c>: labels the events of a batch one at a time, with single keys on
/// a terminal and line prompts otherwise; <c>review export</c> and <c>review import</c> move labels
/// through CSV or JSON lines files. Exit codes: 0 done, 2 invalid arguments or file, 3 store error.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var batch = new Argument<string>("batch") { Description = "The batch to review, as named by 'policyloop sample'." };
        var policy = new Option<string?>("--policy")
        {
            Description = "The policy whose deciding clause is shown (default: the policy the batch was sampled with).",
        };
        var reviewer = ReviewerOption();
        var command = new Command("review", "Label the sampled rejects of a batch: f false positive, t true positive, "
            + "b benign, u unsure. Labels are stored at once, so a later run continues where this one stopped.")
        {
            batch, store, policy, reviewer, ReviewExportCommand.Create(), ReviewImportCommand.Create(),
        };
        command.SetAction(parsed => Run(parsed.GetValue(store)!, parsed.GetValue(batch)!, parsed.GetValue(policy),
            parsed.GetValue(reviewer)!));
        return command;
    }

    public static Option<string> ReviewerOption() => new("--reviewer")
    {
        Description = "The reviewer's name stored with each label (default: the user name).",
        DefaultValueFactory = _ => Environment.UserName,
    };

    public static ReviewBatch RequireBatch(DuckDbEventStore store, string name) => store.ReadBatch(name)
        ?? throw new UsageException($"no batch named {Reports.SafeText.ForDisplay(name, 80)}; "
            + $"the store has {Describe(store.ReadBatchNames())}; draw one with 'policyloop sample'");

    private static string Describe(IReadOnlyList<string> names) =>
        names.Count == 0 ? "no batches" : "batches " + string.Join(", ", names);

    private static int Run(string storePath, string name, string? policyPath, string reviewer)
    {
        if (string.IsNullOrWhiteSpace(reviewer))
        {
            throw new UsageException("the reviewer name is empty; pass --reviewer NAME");
        }

        using var store = ReviewPopulation.OpenStore(storePath);
        var batch = RequireBatch(store, name);
        var policy = LoadPolicy(batch, policyPath);
        var events = store.ReadEvents(new EventQuery()).ToList();

        // NOTE: the whole store is held in memory for the client context and the policy's rate
        // state, which suits stores of a few million events at most.
        var rejects = Analysis.Review.RejectAttribution.Rejects(events, policy?.Compiled).ToList();
        var console = AnsiConsole.Console;
        IReviewInput input = Console.IsInputRedirected
            ? new LineReviewInput(Console.In, Console.Out)
            : new KeyReviewInput(console);
        var session = new ReviewSession(store, batch, reviewer.Trim(), TimeProvider.System);
        var remaining = session.Run(input, console, rejects, events);
        Console.WriteLine(remaining == 0
            ? $"batch {batch.Name}: every event is labelled; next: policyloop precision{StoreOption.ForCommand(storePath)}"
            : $"stopped with {ReportFormat.Count(remaining, "event")} of batch {batch.Name} still unlabelled; "
                + $"run 'policyloop review {batch.Name}{StoreOption.ForCommand(storePath)}' to continue");
        return ExitCodes.Success;
    }

    private static PolicyFile? LoadPolicy(ReviewBatch batch, string? policyPath)
    {
        if (policyPath is not null)
        {
            return PolicyFiles.LoadCompiled(policyPath);
        }

        if (batch.PolicyFile is null)
        {
            return null;
        }

        if (!File.Exists(batch.PolicyFile))
        {
            Console.Error.WriteLine($"warning: the batch was sampled with {batch.PolicyFile}, which no longer exists; "
                + "showing the logged decisions; pass --policy to show the deciding clauses");
            return null;
        }

        return PolicyFiles.LoadCompiled(batch.PolicyFile);
    }
}
