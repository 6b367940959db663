using System.Data.Common;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyLoop.Storage;

namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>
/// Runs the real ingest path (record reader, parser, translator, runner) into a real DuckDB store
/// in a temporary folder, and reads back what was stored and quarantined.
/// </summary>
internal sealed class IngestHarness : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "policyloop-tests", Guid.NewGuid().ToString("N"));

    public IngestHarness()
    {
        Directory.CreateDirectory(_directory);
        Store = DuckDbEventStore.Open(Path.Combine(_directory, "events.duckdb"));
    }

    public DuckDbEventStore Store { get; }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public string WriteGzip(string name, byte[] content) => Write(name, Gzip(content));

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    /// <summary>Ingests one file, naming it by its file name, and returns its report.</summary>
    public async Task<FileIngestReport> IngestAsync(string path, IngestOptions? options = null)
    {
        var runner = new IngestRunner(Store, options ?? new IngestOptions(), NullLogger<IngestRunner>.Instance);
        var input = new InputSpec(Path.GetFileName(path), () => File.OpenRead(path), new FileInfo(path).Length);
        var reports = await runner.RunAsync([input], TestContext.Current.CancellationToken);
        return reports.Single();
    }

    public List<QuarantineRow> Quarantine() => Query(
        "SELECT input_file, line, byte_offset, reason, raw, raw_truncated FROM quarantine ORDER BY byte_offset",
        reader => new QuarantineRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3),
            reader.GetString(4), reader.GetBoolean(5)));

    public List<StoredRow> Events() => Query(
        "SELECT event_id, input_file, input_line, input_offset, decision, raw FROM events ORDER BY input_offset",
        reader => new StoredRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3),
            reader.GetString(4), reader.GetString(5)));

    private List<T> Query<T>(string sql, Func<DbDataReader, T> read)
    {
        using var command = Store.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder does not fail a test.
        }
    }
}
