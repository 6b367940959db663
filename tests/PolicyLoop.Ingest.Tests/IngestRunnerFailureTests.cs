using Microsoft.Extensions.Logging.Abstractions;
using PolicyLoop.Core;
using PolicyLoop.Ingest.Tests.Corpus;

namespace PolicyLoop.Ingest.Tests;

public sealed class IngestRunnerFailureTests
{
    /// <summary>A store whose every write fails, as a full disk would make it.</summary>
    private sealed class FailingStore : IEventStore
    {
        public BatchOutcome StoreBatch(IReadOnlyList<DecisionEvent> events, IReadOnlyList<QuarantinedRecord> quarantined) =>
            throw new IOException("disk full");

        public StoreSummary Summarize() => throw new NotSupportedException();

        public IEnumerable<DecisionEvent> ReadEvents(EventQuery query) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task RunAsync_StoreFails_RaisesInsteadOfHanging()
    {
        var lines = Enumerable.Range(0, 50).Select(i => CorpusLines.Opa($"f-{i}")).ToArray();
        var bytes = CorpusLines.Utf8(lines);
        var input = new InputSpec("in.jsonl", () => new MemoryStream(bytes), bytes.Length);
        var runner = new IngestRunner(new FailingStore(), new IngestOptions { BatchSize = 1 }, NullLogger<IngestRunner>.Instance);

        var run = runner.RunAsync([input], TestContext.Current.CancellationToken);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        finished.ShouldBe(run, "RunAsync did not finish within 10 seconds");
        var error = await Should.ThrowAsync<IOException>(run);
        error.Message.ShouldBe("disk full");
    }
}
