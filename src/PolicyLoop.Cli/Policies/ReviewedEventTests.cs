using PolicyLoop.Analysis.Review;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Policies.Evaluation;
using PolicyLoop.Reports;
using PolicyLoop.Storage;

namespace PolicyLoop.Cli.Policies;

/// <summary>
/// The reviewed events of a store as tests of <c>policy test</c>, reported apart from the
/// hand-written tests with the ids of the events that fail.
/// </summary>
internal sealed class ReviewedEventTests : IDisposable
{
    private readonly DuckDbEventStore _store;
    private readonly IReadOnlyList<ReviewedEvent> _reviewed;

    private ReviewedEventTests(DuckDbEventStore store)
    {
        _store = store;
        _reviewed = store.ReadReviewedEvents();
    }

    public int Passed { get; private set; }

    public int Failed { get; private set; }

    /// <summary>
    /// Opens the store when the file exists and can be read. Returns null otherwise, so the
    /// hand-written tests run without a store and with a store of another schema version.
    /// </summary>
    public static ReviewedEventTests? Open(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return new ReviewedEventTests(DuckDbEventStore.Open(path, readOnly: true));
        }
        catch (StoreException ex)
        {
            Console.Error.WriteLine($"warning: reviewed events not checked: {ex.Message}");
            return null;
        }
    }

    public void Check(string path, CompiledPolicy policy)
    {
        var labels = _reviewed.Where(r => r.Label.PolicyId == policy.Policy.Id)
            .ToDictionary(r => r.Label.EventId, r => r.Label, StringComparer.Ordinal);
        if (labels.Count == 0)
        {
            return;
        }

        // NOTE: every stored event is evaluated, because a reviewed event's rate state depends on
        // the traffic before it. On a large store this takes as long as a replay.
        var checks = ReviewRegression.Check(policy, _store.ReadEvents(new EventQuery()), labels);
        var failed = checks.Where(c => !c.Passed).ToList();
        Passed += checks.Count - failed.Count;
        Failed += failed.Count;
        Console.WriteLine($"{path}: {checks.Count} reviewed events in {_store.Path}");
        foreach (var check in failed)
        {
            Console.WriteLine($"  FAIL  event {SafeText.ForDisplay(check.EventId, 80)} ({check.Label.ToName()}, "
                + $"rule {SafeText.ForDisplay(check.RuleId, 60)})\n        {SafeText.ForDisplay(check.Failure, 300)}");
        }
    }

    public void WriteTotals()
    {
        if (Passed + Failed > 0)
        {
            Console.WriteLine($"reviewed events: {Passed} passed, {Failed} failed");
        }
    }

    public void Dispose() => _store.Dispose();
}
