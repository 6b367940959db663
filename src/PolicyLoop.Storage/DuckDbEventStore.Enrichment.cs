using System.Text.Json;
using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

public sealed partial class DuckDbEventStore
{
    private const string EnrichmentTable = "enrichment_updates";

    /// <summary>
    /// Writes the enrichment fields (country, asn, org, labels, roles) of already stored events, matched by
    /// event id, in one transaction. Returns the number of events updated.
    /// </summary>
    public long UpdateEnrichment(IReadOnlyList<DecisionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            Execute($"CREATE OR REPLACE TEMP TABLE {EnrichmentTable} (event_id VARCHAR, country VARCHAR, "
                + "asn VARCHAR, org VARCHAR, labels JSON, roles VARCHAR[])");
            using var transaction = _connection.BeginTransaction();
            using (var appender = _connection.CreateAppender(EnrichmentTable))
            {
                foreach (var e in events)
                {
                    appender.CreateRow()
                        .AppendValue(e.EventId)
                        .AppendValue(e.Country)
                        .AppendValue(e.Asn)
                        .AppendValue(e.Org)
                        .AppendValue(e.Labels.Count == 0 ? null
                            : JsonSerializer.Serialize(e.Labels, StoreJsonContext.Default.IReadOnlyDictionaryStringString))
                        .AppendValue(e.Roles.Count == 0 ? null : e.Roles)
                        .EndRow();
                }
            }

            using var command = _connection.CreateCommand();
            command.CommandText = $"""
                UPDATE events SET country = u.country, asn = u.asn, org = u.org, labels = u.labels, roles = u.roles
                FROM {EnrichmentTable} u WHERE events.event_id = u.event_id
                """;
            var updated = command.ExecuteNonQuery();
            transaction.Commit();
            Execute($"DROP TABLE {EnrichmentTable}");
            return updated;
        }
        catch (DuckDBException ex)
        {
            throw new StoreException($"cannot update the enrichment of the store {Path}: {ex.Message}", ex);
        }
    }
}
