using System.CommandLine;
using PolicyLoop.Cli.Review;

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
        if (!File.Exists(path))
        {
            throw new UsageException($"label file not found: {path}");
        }

        using var store = ReviewPopulation.OpenStore(storePath);
        var samples = new Dictionary<string, Core.Review.SampledEvent>(StringComparer.Ordinal);
        foreach (var sample in store.ReadSamples(null))
        {
            samples.TryAdd(sample.EventId, sample);
        }

        var import = new ReviewImport(samples, reviewer, TimeProvider.System.GetUtcNow().UtcDateTime);
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

            Console.Error.WriteLine($"error: {import.Errors.Count} problems in {path}; nothing was imported; fix the rows and import again");
            return ExitCodes.UsageOrInput;
        }

        store.AddLabels(import.Labels);
        Console.WriteLine($"imported {import.Labels.Count} labels from {path}"
            + (import.SkippedRows > 0 ? $"; skipped {import.SkippedRows} rows without a label" : ""));
        return ExitCodes.Success;
    }
}
