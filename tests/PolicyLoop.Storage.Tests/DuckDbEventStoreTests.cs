using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PolicyLoop.Core;

namespace PolicyLoop.Storage.Tests;

public sealed class DuckDbEventStoreTests : IDisposable
{
    private static readonly DateTime Noon = new(2025, 3, 11, 12, 0, 0, DateTimeKind.Utc);

    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private static DecisionEvent Event(string id, Decision decision = Decision.Allow, string? rule = null) => new()
    {
        EventId = id,
        Time = Noon,
        Source = "apache",
        Decision = decision,
        RuleId = rule,
        ClientIp = "192.0.2.7",
        Path = "/login",
        Status = decision == Decision.Deny ? 403 : 200,
        MatchedRules = rule is null ? [] : [rule, "count-geo"],
        Scores = new Dictionary<string, double> { ["violence"] = 0.25 },
        Labels = new Dictionary<string, string> { ["partner"] = "acme" },
        Location = new RecordLocation("access.log", 3, 120),
    };

    private static QuarantinedRecord Quarantined(string id) =>
        new(id, new RecordLocation("access.log", 9, 900), "apache", "invalid status \"OK\"", "1.2.3.4 ...", false);

    [Fact]
    public void Open_NewFile_CreatesSchemaAtCurrentVersion()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);

        store.SchemaVersion.ShouldBe(DuckDbEventStore.CurrentSchemaVersion);
        File.Exists(_temp.StorePath).ShouldBeTrue();
    }

    [Fact]
    public void StoreBatch_SameEventsTwice_StoresThemOnce()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        DecisionEvent[] events = [Event("a"), Event("b", Decision.Deny, "waf-1")];

        var first = store.StoreBatch(events, []);
        var second = store.StoreBatch(events, []);

        first.ShouldBe(new BatchOutcome(2, 0, 0));
        second.ShouldBe(new BatchOutcome(0, 2, 0));
        store.Summarize().Events.ShouldBe(2);
    }

    [Fact]
    public void StoreBatch_DuplicateIdWithinBatch_KeepsOneAndCountsTheOther()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);

        var outcome = store.StoreBatch([Event("a"), Event("a"), Event("b")], []);

        outcome.Stored.ShouldBe(2);
        outcome.Duplicates.ShouldBe(1);
    }

    [Fact]
    public void StoreBatch_Quarantined_WritesTableAndJsonLinesOnce()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);

        var first = store.StoreBatch([], [Quarantined("q1")]);
        var second = store.StoreBatch([], [Quarantined("q1")]);

        first.Quarantined.ShouldBe(1);
        second.Quarantined.ShouldBe(0);
        store.Summarize().Quarantined.ShouldBe(1);
        var lines = File.ReadAllLines(store.QuarantinePath);
        lines.Length.ShouldBe(1);
        using var json = JsonDocument.Parse(lines[0]);
        json.RootElement.GetProperty("file").GetString().ShouldBe("access.log");
        json.RootElement.GetProperty("line").GetInt64().ShouldBe(9);
        json.RootElement.GetProperty("byte_offset").GetInt64().ShouldBe(900);
        json.RootElement.GetProperty("reason").GetString().ShouldBe("invalid status \"OK\"");
    }

    [Fact]
    public void Summarize_MixedDecisions_CountsRejectsPerRuleAndDay()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.StoreBatch([Event("a"), Event("b", Decision.Deny, "waf-1"), Event("c", Decision.Deny, "waf-1")], []);

        var summary = store.Summarize();

        summary.Events.ShouldBe(3);
        summary.FirstEvent.ShouldBe(Noon);
        summary.ByDecision.ShouldContain(new CountRow("deny", 2, 2));
        summary.ByDecision.ShouldContain(new CountRow("allow", 1, 0));
        summary.ByRule.ShouldContain(new CountRow("waf-1", 2, 2));
        summary.ByDay.ShouldHaveSingleItem().ShouldBe(new CountRow("2025-03-11", 3, 2));
    }

    [Fact]
    public void StoreBatch_ShadowDeny_IsNotCountedAsReject()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        var shadow = Event("s", Decision.Deny, "canary");
        shadow.Mode = EnforcementMode.Shadow;

        store.StoreBatch([shadow], []);

        store.Summarize().ByRule.ShouldHaveSingleItem().Rejects.ShouldBe(0);
    }

    [Fact]
    public void StoreBatch_AllFields_RoundTripThroughColumns()
    {
        using (var store = DuckDbEventStore.Open(_temp.StorePath, _time))
        {
            store.StoreBatch([Event("b", Decision.Deny, "waf-1")], []);
        }

        using var reopened = DuckDbEventStore.Open(_temp.StorePath, _time);
        using var command = reopened.Connection.CreateCommand();
        command.CommandText = """
            SELECT matched_rules[2], scores->>'$.violence', labels->>'$.partner', input_line, input_offset,
                   status, ingested_at
            FROM events WHERE event_id = 'b'
            """;
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetString(0).ShouldBe("count-geo");
        reader.GetString(1).ShouldBe("0.25");
        reader.GetString(2).ShouldBe("acme");
        reader.GetInt64(3).ShouldBe(3);
        reader.GetInt64(4).ShouldBe(120);
        reader.GetInt32(5).ShouldBe(403);
        reader.GetDateTime(6).ShouldBe(_time.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public void Open_FileThatIsNotAStore_ThrowsWithPathAndHint()
    {
        File.WriteAllText(_temp.StorePath, "this is a text file, not a database");

        var error = Should.Throw<StoreException>(() => DuckDbEventStore.Open(_temp.StorePath, _time));

        error.Message.ShouldContain(_temp.StorePath);
        error.Message.ShouldContain("--store");
    }

    [Fact]
    public void ReadEvents_StoredEvents_RoundTripEveryField()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        var original = Event("b", Decision.Deny, "waf-1");
        original.Mode = EnforcementMode.Shadow;
        original.Roles = ["admin", "support"];
        original.Attributes = """{"protocol":"HTTP/1.1"}""";
        original.Lenient = true;
        store.StoreBatch([original], []);

        var read = store.ReadEvents(new EventQuery()).ShouldHaveSingleItem();

        read.EventId.ShouldBe("b");
        read.Time.ShouldBe(Noon);
        read.Time.Kind.ShouldBe(DateTimeKind.Utc);
        read.Decision.ShouldBe(Decision.Deny);
        read.Mode.ShouldBe(EnforcementMode.Shadow);
        read.RuleId.ShouldBe("waf-1");
        read.MatchedRules.ShouldBe(["waf-1", "count-geo"]);
        read.Roles.ShouldBe(["admin", "support"]);
        read.ClientIp.ShouldBe("192.0.2.7");
        read.Status.ShouldBe(403);
        read.Scores["violence"].ShouldBe(0.25);
        read.Labels["partner"].ShouldBe("acme");
        read.Attributes.ShouldBe("""{"protocol":"HTTP/1.1"}""");
        read.Lenient.ShouldBeTrue();
        read.Location.ShouldBe(new RecordLocation("access.log", 3, 120));
    }

    [Fact]
    public void ReadEvents_TimeRangeAndSource_FiltersAndOrdersByTimeThenId()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        var events = new[] { ("c", 2), ("a", 2), ("b", 1), ("d", 5) }
            .Select(pair =>
            {
                var e = Event(pair.Item1);
                e.Time = Noon.AddMinutes(pair.Item2);
                return e;
            })
            .ToList();
        var other = Event("z");
        other.Source = "opa";
        events.Add(other);
        store.StoreBatch(events, []);

        var read = store.ReadEvents(new EventQuery(Since: Noon.AddMinutes(1), Until: Noon.AddMinutes(5), Source: "apache"));

        read.Select(e => e.EventId).ShouldBe(["b", "a", "c"]);
    }

    private void CreateForeignDatabase()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"DataSource={_temp.StorePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE events (x INTEGER)";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_ForeignDuckDbFile_ThrowsNotAStore()
    {
        CreateForeignDatabase();

        var error = Should.Throw<StoreException>(() => DuckDbEventStore.Open(_temp.StorePath, _time));

        error.Message.ShouldContain("not a PolicyLoop store");
    }

    [Fact]
    public void Open_ReadOnlyOnForeignFile_LeavesItUnchanged()
    {
        CreateForeignDatabase();

        Should.Throw<StoreException>(() => DuckDbEventStore.Open(_temp.StorePath, _time, readOnly: true));

        using var connection = new DuckDB.NET.Data.DuckDBConnection($"DataSource={_temp.StorePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'";
        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(0);
    }

    [Fact]
    public void Open_ReadOnlyStore_ReadsWhatWasStored()
    {
        using (var store = DuckDbEventStore.Open(_temp.StorePath, _time))
        {
            store.StoreBatch([Event("a")], []);
        }

        using var reader = DuckDbEventStore.Open(_temp.StorePath, _time, readOnly: true);

        reader.Summarize().Events.ShouldBe(1);
    }
}
