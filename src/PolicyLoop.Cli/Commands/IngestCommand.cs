using System.CommandLine;
using PolicyLoop.Ingest;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Commands;

/// <summary><c>policyloop ingest</c>: reads decision logs into the store.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Log files, directories, glob patterns, or - for standard input. Gzip is read transparently.",
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOption.Create();
        var format = new Option<string>("--format")
        {
            Description = "The log format, or auto to detect it per input.",
            DefaultValueFactory = _ => LogFormat.Auto,
        };
        format.AcceptOnlyFromAmong([.. LogFormat.All]);
        var mapping = new Option<string?>("--mapping")
        {
            Description = "YAML field-mapping file for generic JSON lines (implies --format jsonl unless a format is "
                + "given); with --format opa, only its decision table is used.",
        };
        var json = new Option<bool>("--json") { Description = "Print the per-input report as JSON." };
        var strict = new Option<bool>("--strict")
        {
            Description = "Exit with code 1 when any record was quarantined.",
        };

        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Records per store transaction; an interrupted run keeps every committed batch.",
            DefaultValueFactory = _ => new IngestOptions().BatchSize,
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--batch-size must be at least 1");
            }
        });

        var enrich = EnrichmentOption.Create();
        var command = new Command("ingest", "Read decision logs into the store; bad records go to the quarantine.")
        {
            paths, store, format, mapping, json, strict, batchSize, enrich,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new IngestRequest(
                parsed.GetValue(paths) ?? [],
                parsed.GetValue(store)!,
                parsed.GetValue(format)!,
                parsed.GetValue(mapping),
                parsed.GetValue(json),
                parsed.GetValue(strict),
                parsed.GetValue(batchSize),
                parsed.GetValue(enrich)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        using var enricher = request.Enrich is null ? null : EnrichmentOption.Open(request.Enrich);
        var options = new IngestOptions
        {
            Format = request.Format,
            Parser = new ParserOptions(request.Mapping),
            BatchSize = request.BatchSize,
            Enrich = enricher is null ? null : enricher.Enrich,
        };

        using var store = DuckDbEventStore.Open(request.Store, threads: DuckDbEventStore.IngestThreads);
        var result = await IngestExecution.RunAsync(store, request.Paths, options, request.Json, cancellationToken);
        IngestReportWriter.Write(result.Reports, store.QuarantinePath, request.Json);
        if (result.HasInputErrors)
        {
            return ExitCodes.UsageOrInput;
        }

        return request.Strict && result.Reports.Any(report => report.Quarantined > 0)
            ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    private sealed record IngestRequest(
        string[] Paths,
        string Store,
        string Format,
        string? Mapping,
        bool Json,
        bool Strict,
        int BatchSize,
        string? Enrich);
}
