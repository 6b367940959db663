using Microsoft.Extensions.Logging;
using PolicyLoop.Ingest;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Ingest.Formats.Jsonl;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli;

/// <summary>The ingest step shared by the ingest and analyze commands: resolve inputs, read them, show progress.</summary>
internal static class IngestExecution
{
    public static async Task<IngestResult> RunAsync(
        DuckDbEventStore store,
        IReadOnlyList<string> paths,
        IngestOptions options,
        bool json,
        CancellationToken cancellationToken)
    {
        if (options.Parser.MappingPath is { } mapping && !File.Exists(mapping))
        {
            throw new UsageException($"mapping file not found: {mapping}; pass the path of a YAML mapping file");
        }

        // An OPA mapping may only map decisions, so it need not name the required fields.
        var requireFields = options.Format != LogFormat.Opa;
        if (options.Parser.MappingPath is { } mappingPath
            && JsonMappingLoader.Load(mappingPath, out var mappingProblems, requireFields) is null)
        {
            throw new UsageException(JsonMappingLoader.Describe(mappingProblems));
        }

        var inputs = InputResolver.Resolve(paths, Console.OpenStandardInput, out var problems);
        foreach (var problem in problems)
        {
            await Console.Error.WriteLineAsync($"error: {problem}");
        }

        var reports = await RunInputsAsync(store, inputs, options, json, cancellationToken);
        return new IngestResult(reports, problems.Count);
    }

    /// <summary>Reads inputs already resolved, such as the appended part of followed files.</summary>
    public static async Task<IReadOnlyList<FileIngestReport>> RunInputsAsync(
        DuckDbEventStore store,
        IReadOnlyList<InputSpec> inputs,
        IngestOptions options,
        bool json,
        CancellationToken cancellationToken)
    {
        using var loggers = Logging.CreateFactory();
        var progress = IngestProgressDisplay.Create(json);
        var runner = new IngestRunner(store, options, loggers.CreateLogger<IngestRunner>(), progress);
        var reports = await runner.RunAsync(inputs, cancellationToken);
        progress.Complete();
        return reports;
    }
}
