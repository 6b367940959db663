using PolicyLoop.Analysis.Review;
using PolicyLoop.Core;
using PolicyLoop.Core.Review;
using PolicyLoop.Storage;
using Spectre.Console;

namespace PolicyLoop.Cli.Review;

/// <summary>
/// Walks the unlabelled events of a batch in the order they were drawn. Each label is stored
/// the moment it is given, so quitting (or losing the terminal) keeps every label made, and the
/// next session starts at the first event still without one. Skipped events come back next time.
/// </summary>
internal sealed class ReviewSession(DuckDbEventStore store, ReviewBatch batch, string reviewer, TimeProvider time)
{
    /// <summary>Runs the session and returns the number of events still without a label.</summary>
    public int Run(IReviewInput input, IAnsiConsole console, IReadOnlyList<AttributedReject> rejects,
        IReadOnlyList<DecisionEvent> events)
    {
        var samples = store.ReadSamples(batch.Name);
        var labelled = store.ReadReviewedEvents(batch.Name).Select(r => r.Label.EventId).ToHashSet(StringComparer.Ordinal);
        var pending = samples.Where(s => !labelled.Contains(s.EventId)).ToList();
        console.MarkupLine($"batch {Markup.Escape(batch.Name)}: {samples.Count - pending.Count} of {samples.Count} events labelled");
        if (pending.Count == 0)
        {
            return 0;
        }

        var rejectById = rejects.ToDictionary(r => r.Event.EventId, StringComparer.Ordinal);
        var eventById = events.ToDictionary(e => e.EventId, StringComparer.Ordinal);
        var context = new ReviewContext(events, rejectById);
        var remaining = pending.Count;
        foreach (var sample in pending)
        {
            if (!eventById.TryGetValue(sample.EventId, out var decisionEvent))
            {
                console.MarkupLine($"event {Markup.Escape(sample.EventId)} is no longer in the store; skipped");
                continue;
            }

            ReviewEventView.Write(console, sample, samples.Count, decisionEvent, rejectById.GetValueOrDefault(sample.EventId), context);
            var choice = input.Next();
            if (choice.Quit)
            {
                break;
            }

            if (choice.Label is { } label)
            {
                store.AddLabels([new LabelRecord(sample.EventId, batch.Name, label, reviewer, choice.Note, sample.RuleId,
                    sample.PolicyId, sample.PolicyVersion, time.GetUtcNow().UtcDateTime)]);
                remaining--;
                console.MarkupLine($"labelled {label.ToName()}");
            }
        }

        return remaining;
    }
}
