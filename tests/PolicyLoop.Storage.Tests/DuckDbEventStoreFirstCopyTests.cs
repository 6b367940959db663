using PolicyLoop.Core;

namespace PolicyLoop.Storage.Tests;

public sealed class DuckDbEventStoreFirstCopyTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "policyloop-tests", Guid.NewGuid().ToString("N"));

    public DuckDbEventStoreFirstCopyTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static DecisionEvent Event(string id, long offset, Decision decision) => new()
    {
        EventId = id,
        Time = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc),
        Source = "jsonl",
        Decision = decision,
        Location = new RecordLocation("in.jsonl", offset + 1, offset),
    };

    [Fact]
    public void StoreBatch_RepeatedIdsInBatch_KeepsFirstCopy()
    {
        // A batch large enough for DuckDB to split the de-duplication over several threads.
        const int Distinct = 150_000;
        var events = Enumerable.Range(0, 2 * Distinct)
            .Select(i => Event($"id-{i % Distinct}", i, i < Distinct ? Decision.Allow : Decision.Deny))
            .ToList();
        using var store = DuckDbEventStore.Open(Path.Combine(_directory, "events.duckdb"));

        var outcome = store.StoreBatch(events, []);

        outcome.Stored.ShouldBe(Distinct);
        outcome.Duplicates.ShouldBe(Distinct);
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events WHERE decision <> 'allow' OR input_offset >= 150000";
        command.ExecuteScalar().ShouldBe(0L);
    }
}
