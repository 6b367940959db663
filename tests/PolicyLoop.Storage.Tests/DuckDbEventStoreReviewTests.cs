using Microsoft.Extensions.Time.Testing;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;

namespace PolicyLoop.Storage.Tests;

public sealed class DuckDbEventStoreReviewTests : IDisposable
{
    private static readonly DateTime Created = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private readonly TempStore _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _temp.Dispose();

    private static ReviewBatch Batch(string name, int minutes = 0) =>
        new(name, "stratified", ulong.MaxValue, "edge", "1", null, "--size 2", Created.AddMinutes(minutes));

    private static SampledEvent Sample(string batch, string id, int position, double? probability = 0.25) =>
        new(batch, id, position, "deny-bots", "edge", "1", "rule:deny-bots", probability);

    private static LabelRecord Label(string id, ReviewLabel label, int minutes, string? note = null) =>
        new(id, "b1", label, "ana", note, "deny-bots", "edge", "1", Created.AddMinutes(minutes));

    [Fact]
    public void CreateBatch_RoundTrips_BatchAndSamples()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);

        store.CreateBatch(Batch("b1"), [Sample("b1", "e2", 1), Sample("b1", "e1", 2, null)]).ShouldBeTrue();

        store.ReadBatch("b1").ShouldBe(Batch("b1"));
        store.ReadSamples("b1").ShouldBe([Sample("b1", "e2", 1), Sample("b1", "e1", 2, null)]);
        store.ReadBatchNames().ShouldBe(["b1"]);
    }

    [Fact]
    public void CreateBatch_NameTaken_ReturnsFalse()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.CreateBatch(Batch("b1"), [Sample("b1", "e1", 1)]);

        store.CreateBatch(Batch("b1"), [Sample("b1", "e9", 1)]).ShouldBeFalse();

        store.ReadSamples("b1").Select(s => s.EventId).ShouldBe(["e1"]);
    }

    [Fact]
    public void ReadSampledOrLabelledEventIds_IncludesBothKinds()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.CreateBatch(Batch("b1"), [Sample("b1", "e1", 1)]);
        store.AddLabels([Label("e7", ReviewLabel.TruePositive, 1)]);

        store.ReadSampledOrLabelledEventIds().Order().ShouldBe(["e1", "e7"]);
    }

    [Fact]
    public void AddLabels_Relabel_KeepsHistoryAndNewestIsCurrent()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.CreateBatch(Batch("b1"), [Sample("b1", "e1", 1)]);

        store.AddLabels([Label("e1", ReviewLabel.Unsure, 1)]);
        store.AddLabels([Label("e1", ReviewLabel.FalsePositive, 2, "Googlebot")]);

        var current = store.ReadReviewedEvents().ShouldHaveSingleItem();
        current.Label.Label.ShouldBe(ReviewLabel.FalsePositive);
        current.Label.Note.ShouldBe("Googlebot");
        current.Sample.ShouldBe(Sample("b1", "e1", 1));
        store.ReadLabelHistory("e1").Select(l => l.Label).ShouldBe([ReviewLabel.Unsure, ReviewLabel.FalsePositive]);
    }

    [Fact]
    public void AddLabels_SameTime_LaterInsertWins()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);

        store.AddLabels([Label("e1", ReviewLabel.TruePositive, 1), Label("e1", ReviewLabel.Benign, 1)]);

        store.ReadReviewedEvents().ShouldHaveSingleItem().Label.Label.ShouldBe(ReviewLabel.Benign);
    }

    [Fact]
    public void ReadReviewedEvents_Batch_LimitsToBatch()
    {
        using var store = DuckDbEventStore.Open(_temp.StorePath, _time);
        store.CreateBatch(Batch("b1"), [Sample("b1", "e1", 1)]);
        store.CreateBatch(Batch("b2", 5), [Sample("b2", "e2", 1)]);
        store.AddLabels([Label("e1", ReviewLabel.TruePositive, 1), Label("e2", ReviewLabel.TruePositive, 1)]);

        store.ReadReviewedEvents("b2").ShouldHaveSingleItem().Label.EventId.ShouldBe("e2");
        store.ReadSamples(null).Select(s => s.Batch).ShouldBe(["b1", "b2"]);
    }

    [Fact]
    public void Open_ReadOnly_ReadsReviewTables()
    {
        using (var store = DuckDbEventStore.Open(_temp.StorePath, _time))
        {
            store.StoreBatch([new DecisionEvent { EventId = "e1", Source = "apache", Time = Created }], []);
            store.AddLabels([Label("e1", ReviewLabel.TruePositive, 1)]);
        }

        using var readOnly = DuckDbEventStore.Open(_temp.StorePath, readOnly: true);

        readOnly.ReadReviewedEvents().ShouldHaveSingleItem().Sample.ShouldBeNull();
    }
}
