using System.Diagnostics;
using DuckDB.NET.Data;

namespace PolicyLoop.Bench.Ingest;

/// <summary>
/// Loads the log with DuckDB's own <c>read_json</c> into a table with the record's columns and
/// the events table's primary key, in a process of its own: the reference for PolicyLoop's ingest.
/// </summary>
internal static class DuckDbSide
{
    // Explicit types: auto-detection reads ISO timestamps with mixed fraction lengths as text.
    private const string Columns = """
        {event_id: 'VARCHAR', time: 'TIMESTAMP', source: 'VARCHAR', decision: 'VARCHAR', mode: 'VARCHAR',
         policy_id: 'VARCHAR', policy_version: 'VARCHAR', rule_id: 'VARCHAR', matched_rules: 'VARCHAR[]',
         reason: 'VARCHAR', client_ip: 'VARCHAR', user_id: 'VARCHAR', method: 'VARCHAR', host: 'VARCHAR',
         path: 'VARCHAR', query: 'VARCHAR', status: 'INTEGER', user_agent: 'VARCHAR', referer: 'VARCHAR',
         bytes: 'BIGINT', country: 'VARCHAR', labels: 'JSON', scores: 'JSON', attributes: 'JSON'}
        """;

    private const string Table = """
        CREATE TABLE events (
            event_id VARCHAR NOT NULL, time TIMESTAMP NOT NULL, source VARCHAR, decision VARCHAR, mode VARCHAR,
            policy_id VARCHAR, policy_version VARCHAR, rule_id VARCHAR, matched_rules VARCHAR[], reason VARCHAR,
            client_ip VARCHAR, user_id VARCHAR, method VARCHAR, host VARCHAR, path VARCHAR, query VARCHAR,
            status INTEGER, user_agent VARCHAR, referer VARCHAR, bytes BIGINT, country VARCHAR, labels JSON,
            scores JSON, attributes JSON, PRIMARY KEY (event_id))
        """;

    public static SideResult Run(string logPath, string databasePath)
    {
        var cpuAtStart = SideResult.ReadCpuSeconds();
        var stopwatch = Stopwatch.StartNew();
        long rows;
        using (var connection = new DuckDBConnection(
            $"DataSource={databasePath};autoinstall_known_extensions=false;autoload_known_extensions=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = Table;
            create.ExecuteNonQuery();

            using var load = connection.CreateCommand();
            var quoted = logPath.Replace("'", "''", StringComparison.Ordinal);
            load.CommandText = $"""
                INSERT INTO events
                SELECT * FROM read_json('{quoted}', format = 'newline_delimited', columns = {Columns})
                """;
            rows = load.ExecuteNonQuery();
        }

        stopwatch.Stop();
        Console.WriteLine($"duckdb: loaded {rows:N0} rows with read_json");
        return new SideResult(
            stopwatch.Elapsed.TotalSeconds,
            SideResult.ReadCpuSeconds() - cpuAtStart,
            rows,
            SideResult.ReadPeakWorkingSet(),
            new FileInfo(databasePath).Length);
    }
}
