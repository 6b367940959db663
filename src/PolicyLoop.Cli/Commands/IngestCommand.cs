using System.CommandLine;
using Microsoft.Extensions.Logging;
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
            Description = "YAML field-mapping file for generic JSON lines (--format jsonl).",
        };
        var json = new Option<bool>("--json") { Description = "Print the per-input report as JSON." };
        var strict = new Option<bool>("--strict")
        {
            Description = "Exit with code 1 when any record was quarantined.",
        };

        var command = new Command("ingest", "Read decision logs into the store; bad records go to the quarantine.")
        {
            paths, store, format, mapping, json, strict,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            new IngestRequest(
                parsed.GetValue(paths) ?? [],
                parsed.GetValue(store)!,
                parsed.GetValue(format)!,
                parsed.GetValue(mapping),
                parsed.GetValue(json),
                parsed.GetValue(strict)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        if (request.Mapping is not null && !File.Exists(request.Mapping))
        {
            throw new UsageException($"mapping file not found: {request.Mapping}; pass the path of a YAML mapping file");
        }

        var inputs = InputResolver.Resolve(request.Paths, Console.OpenStandardInput, out var missing);
        foreach (var path in missing)
        {
            await Console.Error.WriteLineAsync(
                $"error: no file matches {path}; check the path, or quote a glob pattern so the shell does not expand it");
        }

        var options = new IngestOptions
        {
            Format = request.Format,
            Parser = new ParserOptions(request.Mapping),
        };

        using var loggers = Logging.CreateFactory();
        using var store = DuckDbEventStore.Open(request.Store, threads: DuckDbEventStore.IngestThreads);
        var progress = IngestProgressDisplay.Create(request.Json);
        var runner = new IngestRunner(store, options, loggers.CreateLogger<IngestRunner>(), progress);
        var reports = await runner.RunAsync(inputs, cancellationToken);
        progress.Complete();

        IngestReportWriter.Write(reports, store.QuarantinePath, request.Json);
        return ExitCodeFor(reports, missing.Count, request.Strict);
    }

    private static int ExitCodeFor(IReadOnlyList<FileIngestReport> reports, int missing, bool strict)
    {
        if (missing > 0 || reports.Any(report => report.Error is not null))
        {
            return ExitCodes.UsageOrInput;
        }

        return strict && reports.Any(report => report.Quarantined > 0) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private sealed record IngestRequest(
        string[] Paths,
        string Store,
        string Format,
        string? Mapping,
        bool Json,
        bool Strict);
}
