using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Formats;
using PolicyLoop.Ingest.Reading;

namespace PolicyLoop.Ingest;

/// <summary>
/// Reads inputs into the store. Parsing runs on the calling thread while a second thread writes
/// finished batches, each in its own transaction, so an interrupted run loses at most the batch
/// in flight and a re-run stores exactly what is missing. A bad record never stops a run.
/// </summary>
public sealed partial class IngestRunner(
    IEventStore store,
    IngestOptions options,
    ILogger<IngestRunner> logger,
    IProgress<IngestProgress>? progress = null)
{
    private const int ProgressEveryRecords = 16_384;

    private readonly RawTextArena.ChunkPool _rawChunks = new();

    /// <summary>Ingests every input and returns one report per input, in input order.</summary>
    public async Task<IReadOnlyList<FileIngestReport>> RunAsync(
        IReadOnlyList<InputSpec> inputs,
        CancellationToken cancellationToken = default)
    {
        // One batch waits while one is written and one is parsed, which bounds the memory of a run.
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true });
        var writer = Task.Run(() => WriteBatchesAsync(batches, cancellationToken), cancellationToken);
        var reports = new List<FileIngestReport>();
        try
        {
            foreach (var input in inputs)
            {
                var report = new FileIngestReport(input.Name);
                reports.Add(report);
                await IngestInputAsync(input, report, batches.Writer, cancellationToken);
            }
        }
        catch (ChannelClosedException)
        {
            // The writer failed and closed the channel; awaiting it below raises the store's error.
        }
        finally
        {
            batches.Writer.TryComplete();
        }

        await writer;
        return reports;
    }

    private async Task WriteBatchesAsync(Channel<Batch> batches, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(cancellationToken))
            {
                if (options.Enrich is { } enrich)
                {
                    batch.Events.ForEach(enrich);
                }

                var outcome = store.StoreBatch(batch.Events, batch.Quarantined);
                batch.RawText.Release();
                lock (batch.Report)
                {
                    batch.Report.Stored += outcome.Stored;
                    batch.Report.Duplicates += outcome.Duplicates;
                    batch.Report.Conflicts += outcome.Conflicts;
                    batch.Report.FirstConflictId ??= outcome.FirstConflictId;
                    batch.Report.Quarantined += batch.Quarantined.Count;
                }
            }
        }
        catch (Exception ex)
        {
            // Closing the channel stops the reading side, which would otherwise wait forever for
            // room in the full channel.
            batches.Writer.TryComplete(ex);
            throw;
        }
    }

    private async Task IngestInputAsync(
        InputSpec input,
        FileIngestReport report,
        ChannelWriter<Batch> batches,
        CancellationToken cancellationToken)
    {
        RecordReader reader;
        try
        {
            reader = input.Continuation is { Identity: { } identity } continuation
                ? RecordReader.Resume(input.Name, input.Open(), identity, continuation.Offset, continuation.Line, options.Reader)
                : RecordReader.Open(input.Name, input.Open(), options.Reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            report.Error = $"cannot read {input.Name}: {ex.Message.TrimEnd('.')}; check the path and its permissions";
            LogUnreadable(input.Name, ex.Message);
            return;
        }

        using (reader)
        {
            var parser = ChooseParser(reader, report, input.Discovered, input.Continuation?.Format);
            if (parser is null)
            {
                return;
            }

            LogInputStarted(input.Name, parser.Format);
            await ReadRecordsAsync(input, reader, parser, report, batches, cancellationToken);
            if (input.Continuation is { } next)
            {
                next.Identity = reader.Identity;
                next.Line = reader.Line;
                next.Format = report.Format;
                next.Appendable &= reader.Appendable;
            }
        }
    }

    private IRecordParser? ChooseParser(RecordReader reader, FileIngestReport report, bool discovered, string? knownFormat)
    {
        if (reader.Transcoded is { } encoding)
        {
            report.Notes.Add($"transcoded from {encoding} to UTF-8; byte offsets refer to the UTF-8 text");
        }

        var format = options.Format == LogFormat.Auto && knownFormat is not null ? knownFormat : options.Format;
        if (format == LogFormat.Auto && options.Parser.MappingPath is not null)
        {
            // A mapping file only applies to generic JSON lines.
            format = LogFormat.Jsonl;
        }
        else if (format == LogFormat.Auto && reader.Prefix.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            // An empty log (a fresh rotation, say) has no records to read, which is not an error.
            report.Notes.Add("the input is empty");
            return null;
        }
        else if (format == LogFormat.Auto)
        {
            format = FormatDetector.Detect(reader.Prefix, out var reason);
            if (format is null && discovered)
            {
                // A folder of logs often contains a README or a licence, so those are skipped, not errors.
                report.Notes.Add($"skipped: not a log in a known format ({reason})");
                return null;
            }

            if (format is null)
            {
                report.Error = $"cannot detect the log format of {report.Name}: {reason}; pass --format";
                return null;
            }
        }

        report.Format = format;
        var parser = ParserRegistry.Create(format, options.Parser, out var diagnostic);
        if (parser is null)
        {
            report.Error = diagnostic?.ToString() ?? $"no parser for format {format}";
        }

        return parser;
    }

    private async Task ReadRecordsAsync(
        InputSpec input,
        RecordReader reader,
        IRecordParser parser,
        FileIngestReport report,
        ChannelWriter<Batch> batches,
        CancellationToken cancellationToken)
    {
        var batch = new Batch(report, options.BatchSize, _rawChunks);
        var records = new RecordTranslator(parser, reader.Identity, options.Reader.RawCapBytes);
        while (reader.TryRead(out var record))
        {
            report.Read++;
            records.Translate(record, batch, report);
            if (batch.Count >= options.BatchSize)
            {
                await batches.WriteAsync(batch, cancellationToken);
                batch = new Batch(report, options.BatchSize, _rawChunks);
            }

            if (report.Read % ProgressEveryRecords == 0)
            {
                progress?.Report(new IngestProgress(input.Name, reader.SourcePosition, input.Length, report.Read));
            }
        }

        report.BlankLines = reader.BlankLines;
        await batches.WriteAsync(batch, cancellationToken);
        progress?.Report(new IngestProgress(input.Name, input.Length ?? reader.SourcePosition, input.Length, report.Read));
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Cannot read input {Input}: {Reason}")]
    private partial void LogUnreadable(string input, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Reading {Input} as {Format}")]
    private partial void LogInputStarted(string input, string format);
}
