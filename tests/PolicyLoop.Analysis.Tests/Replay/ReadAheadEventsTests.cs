using PolicyLoop.Analysis.Replay;
using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Tests.Replay;

public sealed class ReadAheadEventsTests
{
    /// <summary>A fill delegate over <paramref name="total"/> numbered events that reuses the chunk's events.</summary>
    private static Func<DecisionEvent?[], int> Numbered(int total)
    {
        var next = 0;
        return chunk =>
        {
            var filled = 0;
            while (filled < chunk.Length && next < total)
            {
                var target = chunk[filled] ??= new DecisionEvent { EventId = "", Source = "test" };
                target.EventId = $"e{next++}";
                filled++;
            }

            return filled;
        };
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(1_000)]
    public void Enumerate_ManyChunks_YieldsEveryEventInOrder(int total)
    {
        var events = new ReadAheadEvents(Numbered(total), chunkSize: 16, chunks: 3);

        var ids = events.Select(e => e.EventId).ToList();

        ids.ShouldBe(Enumerable.Range(0, total).Select(i => $"e{i}"));
    }

    [Fact]
    public void Enumerate_FillThrows_RethrowsOnTheEnumeratingThread()
    {
        var calls = 0;
        var events = new ReadAheadEvents(chunk =>
        {
            if (++calls == 3)
            {
                throw new InvalidOperationException("store failed");
            }

            chunk[0] ??= new DecisionEvent { EventId = "e", Source = "test" };
            return 1;
        }, chunkSize: 1);

        var error = Should.Throw<InvalidOperationException>(() => events.Count());

        error.Message.ShouldBe("store failed");
    }

    [Fact]
    public void Enumerate_StoppedEarly_StopsTheReader()
    {
        var events = new ReadAheadEvents(Numbered(int.MaxValue), chunkSize: 8, chunks: 2);

        var first = events.Take(20).Select(e => e.EventId).ToList();

        first.Count.ShouldBe(20);
        first[^1].ShouldBe("e19");
    }

    [Fact]
    public void OnReader_Step_RunsBeforeHandover()
    {
        var seen = new List<string>();
        var events = new ReadAheadEvents(Numbered(100), chunkSize: 16, chunks: 2);
        events.OnReader(chunk =>
        {
            foreach (var e in chunk)
            {
                lock (seen)
                {
                    seen.Add(e!.EventId);
                }
            }
        });

        var handed = new List<string>();
        foreach (var e in events)
        {
            lock (seen)
            {
                seen.ShouldContain(e.EventId);
            }

            handed.Add(e.EventId);
        }

        seen.ShouldBe(handed);
        events.Capacity.ShouldBe(32);
    }

    [Fact]
    public void OnReader_AfterEnumerationStarted_Throws()
    {
        var events = new ReadAheadEvents(Numbered(10), chunkSize: 4);
        using var enumerator = events.GetEnumerator();
        enumerator.MoveNext();

        Should.Throw<InvalidOperationException>(() => events.OnReader(_ => { }));
    }
}
