using System.CommandLine;
using PolicyLoop.Cli.Review;
using PolicyLoop.Reports;

namespace PolicyLoop.Cli.Commands;

/// <summary>
/// <c>policyloop review import FILE</c>: stores labels from CSV or JSON lines after checking every
/// row; with any invalid row, nothing is stored and every problem is listed. Exit codes: 0
/// imported, 2 invalid file, 3 store error.
/// </summary>
internal static class ReviewImportCommand
{
    public static Command Create()
    {
        var store = StoreOption.Create();
        var file = new Argument<string>("file")
        {
            Description = "A CSV file with a header row, or a .jsonl file; columns event_id and label, optional reviewer and note.",
        };
        var reviewer = new Option<string?>("--reviewer") { Description = "The reviewer for rows whose reviewer cell is empty." };
        var command = new Command("import", "Store labels from a CSV or JSON lines file; every row is checked before any is stored.")
        {
            file, store, reviewer,
        };
        command.SetAction(parsed => Run(parsed.GetValue(store)!, parsed.GetValue(file)!, parsed.GetValue(reviewer)));
        return command;
    }

    private static int Run(string storePath, string path, string? reviewer)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{path} is a folder; pass the CSV or JSON lines file of labels");
        }

        if (!File.Exists(path))
        {
            throw new UsageException($"label file not found: {path}");
        }

        using var store = ReviewPopulation.OpenStore(storePath);
        var samples = new Dictionary<string, Core.Review.SampledEvent>(StringComparer.Ordinal);
        var membership = new HashSet<(string Batch, string EventId)>();
        foreach (var sample in store.ReadSamples(null))
        {
            samples.TryAdd(sample.EventId, sample);
            membership.Add((sample.Batch, sample.EventId));
        }

        var import = new ReviewImport(samples, reviewer, TimeProvider.System.GetUtcNow().UtcDateTime)
        {
            Membership = membership,
        };
        using (var reader = new StreamReader(path))
        {
            import.Read(path, reader);
        }

        if (import.Errors.Count > 0)
        {
            foreach (var error in import.Errors)
            {
                Console.Error.WriteLine($"{path}: {error}");
            }

            Console.Error.WriteLine($"error: {ReportFormat.Count(import.Errors.Count, "problem")} in {path}; nothing was imported; fix the rows and import again");
            return ExitCodes.UsageOrInput;
        }

        if (import.Rows == 0)
        {
            throw new UsageException($"{path} holds no label rows; its first line must be a header with at least event_id and label");
        }

        var labelled = store.ReadReviewedEvents().Select(r => r.Label.EventId).ToHashSet(StringComparer.Ordinal);
        var replaced = import.Labels.Count(label => labelled.Contains(label.EventId));
        store.AddLabels(import.Labels);
        Console.WriteLine($"imported {ReportFormat.Count(import.Labels.Count, "label")} from {path}"
            + (replaced > 0 ? $"; {ReportFormat.Count(replaced, "label")} replaced an earlier label, which stays in the history" : "")
            + (import.SkippedRows > 0 ? $"; skipped {ReportFormat.Count(import.SkippedRows, "row")} without a label" : ""));
        return ExitCodes.Success;
    }
}
