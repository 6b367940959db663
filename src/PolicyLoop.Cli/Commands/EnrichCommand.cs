using System.CommandLine;
using PolicyLoop.Core;
using PolicyLoop.Reports;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Commands;

/// <summary><c>policyloop enrich</c>: re-runs enrichment over every stored event, such as after a database update.</summary>
internal static class EnrichCommand
{
    /// <summary>Events updated per transaction.</summary>
    private const int BatchSize = 100_000;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The YAML enrichment file." };
        var store = StoreOption.Create();
        var command = new Command("enrich", "Enrich the stored events again: country, ASN, range labels and roles.")
        {
            file, store,
        };
        command.SetAction(parsed => Run(parsed.GetValue(file)!, parsed.GetValue(store)!));
        return command;
    }

    private static int Run(string file, string storePath)
    {
        using var enricher = EnrichmentOption.Open(file);
        if (!File.Exists(storePath))
        {
            throw new UsageException($"store not found: {storePath}; run 'policyloop ingest LOG' first or pass --store");
        }

        using var store = DuckDbEventStore.Open(storePath);

        // NOTE: the store cannot be written while a read on its connection is open, so the events are read into
        // memory first. A very large store needs memory in proportion.
        var events = store.ReadEvents(new EventQuery()).ToList();
        long updated = 0;
        foreach (var chunk in events.Chunk(BatchSize))
        {
            foreach (var decisionEvent in chunk)
            {
                enricher.Enrich(decisionEvent);
            }

            updated += store.UpdateEnrichment(chunk);
        }

        Console.WriteLine($"enriched {ReportFormat.Count(updated)} stored events with {file}");
        return ExitCodes.Success;
    }
}
