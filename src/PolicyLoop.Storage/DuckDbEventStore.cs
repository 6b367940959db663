using System.Data.Common;
using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>
/// The event store in a single DuckDB file. Events are keyed by id, so storing the same event
/// twice keeps the first copy. Quarantined records live in the store too, and new ones are also
/// appended to a JSON lines file beside it for people and tools that read files.
/// </summary>
public sealed partial class DuckDbEventStore : IEventStore
{
    private readonly DuckDBConnection _connection;
    private readonly TimeProvider _time;
    private readonly QuarantineFile _quarantineFile;
    private readonly EventRows _rows = new();

    private DuckDbEventStore(DuckDBConnection connection, string path, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        Path = path;
        _quarantineFile = new QuarantineFile(QuarantineFile.PathBeside(path));
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The JSON lines file that receives newly quarantined records.</summary>
    public string QuarantinePath => _quarantineFile.Path;

    /// <summary>The open connection, for the store's query classes in other components.</summary>
    public DbConnection Connection => _connection;

    /// <summary>
    /// Opens (creating when missing) the store at <paramref name="path"/> and migrates it to the
    /// current schema. Extension auto-install is off, so opening never reaches the network.
    /// </summary>
    /// <param name="path">The store file.</param>
    /// <param name="time">The clock for <c>ingested_at</c> and migration times; the system clock when null.</param>
    /// <param name="threads">DuckDB worker threads, or null for DuckDB's default of one per core.</param>
    /// <param name="readOnly">
    /// Opens an existing store without writing to it, for commands that only read; the store must
    /// already have the current schema.
    /// </param>
    public static DuckDbEventStore Open(string path, TimeProvider? time = null, int? threads = null, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !readOnly)
        {
            Directory.CreateDirectory(directory);
        }

        var access = readOnly ? ";ACCESS_MODE=READ_ONLY" : "";
        var connection = new DuckDBConnection(
            $"DataSource={full};autoinstall_known_extensions=false;autoload_known_extensions=false{access}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException ex)
        {
            connection.Dispose();
            throw new StoreException(DescribeOpenFailure(path, ex), ex);
        }

        var store = new DuckDbEventStore(connection, full, time ?? TimeProvider.System);
        try
        {
            store.RejectForeignDatabase();
            if (readOnly)
            {
                store.RequireCurrentSchema();
                return store;
            }

            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        store.Execute($"CREATE TEMP TABLE {StagingTable} AS SELECT * FROM events LIMIT 0");

        // DuckDB checkpoints when the WAL passes 16 MB by default, and every checkpoint rewrites the
        // primary key index whole, so large ingests spent most of their time there. One checkpoint
        // per gigabyte of WAL, and one when the store closes, keeps that cost linear.
        store.Execute("SET checkpoint_threshold = '1GB'");
        if (threads is { } count)
        {
            store.Execute($"SET threads = {Math.Max(1, count)}");
        }

        return store;
    }

    private static string DescribeOpenFailure(string path, DuckDBException ex)
    {
        if (ex.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase))
        {
            return $"cannot open the store {path}: permission denied; check the permissions of the file and its folder "
                + "or pass another --store";
        }

        if (ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            return $"the store {path} is open in another process, and DuckDB allows one writer at a time; "
                + "wait for that process to finish or pass another --store";
        }

        return $"cannot open the store {path}: {ex.Message}; check that it is a PolicyLoop store (a DuckDB file) "
            + "or pass another --store";
    }

    /// <summary>
    /// DuckDB worker threads for an ingest: one core fewer than the machine has, at least one.
    /// Ingest parses on a thread of its own, and on two cores a DuckDB worker that competes with
    /// it spends its time waiting for tasks (14% less processor time with one thread, measured
    /// with bench/run ingest on a 300 MB log).
    /// </summary>
    public static int IngestThreads => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentSchemaVersion => StoreSchema.Migrations.Count;

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => ReadSchemaVersion();

    /// <summary>Rejects a DuckDB file that contains other tables but was never a PolicyLoop store.</summary>
    private void RejectForeignDatabase()
    {
        using var command = Command(
            "SELECT count(*) FILTER (WHERE table_name = 'schema_version'), count(*) "
            + "FROM information_schema.tables WHERE table_schema = 'main'");
        using var reader = command.ExecuteReader();
        reader.Read();
        if (reader.GetInt64(0) == 0 && reader.GetInt64(1) > 0)
        {
            throw new StoreException(
                $"the file {Path} is a DuckDB database but not a PolicyLoop store (it has tables but no schema_version); "
                + "pass another --store");
        }
    }

    private void RequireCurrentSchema()
    {
        using (var exists = Command("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"))
        {
            if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new StoreException($"the store {Path} is empty; run 'policyloop ingest LOG' first");
            }
        }

        var version = ReadSchemaVersion();
        if (version != CurrentSchemaVersion)
        {
            throw new StoreException(
                $"the store {Path} has schema version {version}, and this build reads version {CurrentSchemaVersion}; "
                + (version < CurrentSchemaVersion ? "run 'policyloop ingest' on it once to upgrade it" : "upgrade PolicyLoop"));
        }
    }

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)");
        var version = ReadSchemaVersion();
        if (version > CurrentSchemaVersion)
        {
            throw new StoreException(
                $"the store {Path} has schema version {version}, newer than this build's {CurrentSchemaVersion}; "
                + "upgrade PolicyLoop to read it");
        }

        for (var next = version + 1; next <= CurrentSchemaVersion; next++)
        {
            using var transaction = _connection.BeginTransaction();
            Execute(StoreSchema.Migrations[next - 1]);
            using var record = Command("INSERT INTO schema_version VALUES ($version, $now)");
            record.Parameters.Add(new DuckDBParameter("version", next));
            record.Parameters.Add(new DuckDBParameter("now", _time.GetUtcNow().UtcDateTime));
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private int ReadSchemaVersion()
    {
        using var command = Command("SELECT coalesce(max(version), 0) FROM schema_version");
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal DuckDBCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    internal void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
