using System.Globalization;
using PolicyLoop.Core;

namespace PolicyLoop.Storage.Tests;

public sealed class DuckDbEventStoreBatchTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("policyloop-store-tests-");

    private string StorePath => Path.Combine(_folder.FullName, "events.duckdb");

    public void Dispose() => _folder.Delete(recursive: true);

    private static DecisionEvent Event(string id, string path = "/a") => new()
    {
        EventId = id,
        Source = "jsonl",
        Time = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        Decision = Decision.Deny,
        Path = path,
        MatchedRules = ["r1", "r2"],
        Labels = new Dictionary<string, string> { ["partner"] = "acme" },
        Raw = "{\"é\":1}",
        Location = new RecordLocation("decisions.jsonl", 1, 0),
    };

    private static List<DecisionEvent> Events(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => Event(i.ToString(CultureInfo.InvariantCulture)))];

    private static long Count(DuckDbEventStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public void StoreBatch_NewEvents_StoresAll()
    {
        using var store = DuckDbEventStore.Open(StorePath);

        var outcome = store.StoreBatch(Events(0, 1000), []);

        outcome.Stored.ShouldBe(1000);
        outcome.Duplicates.ShouldBe(0);
        Count(store, "SELECT count(*) FROM events").ShouldBe(1000);
    }

    [Fact]
    public void StoreBatch_RoundTrip_KeepsValues()
    {
        using var store = DuckDbEventStore.Open(StorePath);
        store.StoreBatch([Event("x", path: "/ünïcode")], []);

        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT path, raw, matched_rules[2], labels->>'partner', decision FROM events";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();

        reader.GetString(0).ShouldBe("/ünïcode");
        reader.GetString(1).ShouldBe("{\"é\":1}");
        reader.GetString(2).ShouldBe("r2");
        reader.GetString(3).ShouldBe("acme");
        reader.GetString(4).ShouldBe("deny");
    }

    [Fact]
    public void StoreBatch_SameBatchTwice_StoresNothingNew()
    {
        using var store = DuckDbEventStore.Open(StorePath);
        store.StoreBatch(Events(0, 500), []);

        var outcome = store.StoreBatch(Events(0, 500), []);

        outcome.Stored.ShouldBe(0);
        outcome.Duplicates.ShouldBe(500);
        Count(store, "SELECT count(*) FROM events").ShouldBe(500);
    }

    [Fact]
    public void StoreBatch_DuplicateIdInBatch_KeepsFirstCopy()
    {
        using var store = DuckDbEventStore.Open(StorePath);

        var outcome = store.StoreBatch([Event("a", "/first"), Event("b"), Event("a", "/second")], []);

        outcome.Stored.ShouldBe(2);
        outcome.Duplicates.ShouldBe(1);
        Count(store, "SELECT count(*) FROM events WHERE event_id = 'a' AND path = '/first'").ShouldBe(1);
    }

    [Fact]
    public void StoreBatch_PartlyStored_StoresOnlyNewThenResumes()
    {
        using var store = DuckDbEventStore.Open(StorePath);
        store.StoreBatch(Events(0, 100), []);

        var overlapping = store.StoreBatch(Events(50, 100), []);
        var fresh = store.StoreBatch(Events(150, 100), []);
        var again = store.StoreBatch(Events(200, 100), []);

        overlapping.Stored.ShouldBe(50);
        overlapping.Duplicates.ShouldBe(50);
        fresh.Stored.ShouldBe(100);
        again.Stored.ShouldBe(50);
        again.Duplicates.ShouldBe(50);
        Count(store, "SELECT count(*) FROM events").ShouldBe(300);
        Count(store, "SELECT count(DISTINCT event_id) FROM events").ShouldBe(300);
    }

    [Fact]
    public void StoreBatch_AfterReopen_DetectsStoredIds()
    {
        using (var first = DuckDbEventStore.Open(StorePath))
        {
            first.StoreBatch(Events(0, 300), []);
        }

        using var store = DuckDbEventStore.Open(StorePath);
        var outcome = store.StoreBatch(Events(0, 300), []);

        outcome.Stored.ShouldBe(0);
        outcome.Duplicates.ShouldBe(300);
    }

    [Fact]
    public void StoreBatch_InvalidEvent_StoresNothingOfBatch()
    {
        using var store = DuckDbEventStore.Open(StorePath);
        var events = Events(0, 10);
        events[5].Source = null!;
        var quarantined = new QuarantinedRecord("q1", new RecordLocation("f", 1, 0), "jsonl", "bad", "raw", false);

        Should.Throw<StoreException>(() => store.StoreBatch(events, [quarantined]));

        Count(store, "SELECT count(*) FROM events").ShouldBe(0);
        Count(store, "SELECT count(*) FROM quarantine").ShouldBe(0);
        store.StoreBatch(Events(0, 10), []).Stored.ShouldBe(10);
    }

    [Fact]
    public void StoreBatch_Quarantined_StoredOnce()
    {
        using var store = DuckDbEventStore.Open(StorePath);
        var quarantined = new QuarantinedRecord("q1", new RecordLocation("f", 1, 0), "jsonl", "bad", "raw", false);

        var first = store.StoreBatch(Events(0, 3), [quarantined]);
        var second = store.StoreBatch(Events(0, 3), [quarantined]);

        first.Quarantined.ShouldBe(1);
        second.Quarantined.ShouldBe(0);
        Count(store, "SELECT count(*) FROM quarantine").ShouldBe(1);
    }

    [Fact]
    public void Open_CurrentStore_HasNoStagingTableInFile()
    {
        using var store = DuckDbEventStore.Open(StorePath);

        store.SchemaVersion.ShouldBe(DuckDbEventStore.CurrentSchemaVersion);
        Count(store, "SELECT count(*) FROM duckdb_tables() WHERE NOT temporary AND table_name = 'ingest_staging'")
            .ShouldBe(0);
    }

    [Fact]
    public void Open_WithThreads_SetsDuckDbThreads()
    {
        using var store = DuckDbEventStore.Open(StorePath, threads: 1);

        Count(store, "SELECT current_setting('threads')").ShouldBe(1);
        store.StoreBatch(Events(0, 10), []).Stored.ShouldBe(10);
    }
}
