using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using PolicyLoop.Core;

namespace PolicyLoop.Analysis.Replay;

/// <summary>
/// Streams events that a reader thread fills into reused chunks, so reading the next chunk
/// overlaps with the caller's work on the current one. An event the enumeration yields stays
/// valid only until the enumeration has moved past its chunk, so callers must copy what they keep.
/// Enumerate it once; a second enumeration reads on from where the fill delegate stopped.
/// </summary>
/// <param name="fill">
/// Fills the chunk from its start, creating events for null entries, and returns how many it
/// filled; fewer than the chunk's length ends the stream. It runs on the reader thread only.
/// </param>
/// <param name="chunkSize">Events per chunk.</param>
/// <param name="chunks">Chunks in circulation, which bounds how far the reader runs ahead.</param>
public sealed class ReadAheadEvents(Func<DecisionEvent?[], int> fill, int chunkSize = 2048, int chunks = 64)
    : IEnumerable<DecisionEvent>
{
    private readonly int _chunkSize = Math.Max(1, chunkSize);
    private readonly int _chunks = Math.Max(2, chunks);
    private readonly List<Action<ReadOnlySpan<DecisionEvent?>>> _steps = [];
    private long _readTicks;
    private long _stepTicks;
    private long _waitTicks;
    private bool _started;

    /// <summary>
    /// The maximum number of events filled and not yet passed by the enumeration, the current one included. The
    /// fill delegate runs at most this many events ahead of the enumerating thread.
    /// </summary>
    public int Capacity => _chunks * _chunkSize;

    /// <summary>Time the reader thread spent inside the fill delegate.</summary>
    public TimeSpan ReadTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readTicks));

    /// <summary>Time the reader thread spent in the steps added with <see cref="OnReader"/>.</summary>
    public TimeSpan StepTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _stepTicks));

    /// <summary>Time the enumerating thread spent waiting for a filled chunk.</summary>
    public TimeSpan WaitTime => Stopwatch.GetElapsedTime(0, _waitTicks);

    /// <summary>
    /// Adds a step that runs on the reader thread over each filled chunk, after the fill and before the chunk is
    /// handed over, so what the step wrote is visible to the enumerating thread. Add steps before enumerating.
    /// </summary>
    /// <exception cref="InvalidOperationException">The enumeration has started.</exception>
    public void OnReader(Action<ReadOnlySpan<DecisionEvent?>> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_started)
        {
            throw new InvalidOperationException("add reader steps before enumerating the events");
        }

        _steps.Add(step);
    }

    public IEnumerator<DecisionEvent> GetEnumerator()
    {
        _started = true;
        using var filled = new BlockingCollection<(DecisionEvent?[] Chunk, int Count)>();
        using var free = new BlockingCollection<DecisionEvent?[]>();
        for (var i = 0; i < _chunks; i++)
        {
            free.Add(new DecisionEvent?[_chunkSize]);
        }

        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() => failure = ReadLoop(filled, free, stop.Token))
        {
            IsBackground = true,
            Name = "replay-reader",
        };
        reader.Start();
        try
        {
            while (Take(filled, out var item))
            {
                for (var i = 0; i < item.Count; i++)
                {
                    yield return item.Chunk[i]!;
                }

                free.Add(item.Chunk);
            }
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }

        failure?.Throw();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private bool Take(BlockingCollection<(DecisionEvent?[] Chunk, int Count)> filled, out (DecisionEvent?[] Chunk, int Count) item)
    {
        var start = Stopwatch.GetTimestamp();
        var taken = filled.TryTake(out item, Timeout.Infinite);
        _waitTicks += Stopwatch.GetTimestamp() - start;
        return taken;
    }

    private ExceptionDispatchInfo? ReadLoop(BlockingCollection<(DecisionEvent?[] Chunk, int Count)> filled,
        BlockingCollection<DecisionEvent?[]> free, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                var chunk = free.Take(stop);
                var start = Stopwatch.GetTimestamp();
                var count = fill(chunk);
                var filledAt = Stopwatch.GetTimestamp();
                Interlocked.Add(ref _readTicks, filledAt - start);
                foreach (var step in _steps)
                {
                    step(chunk.AsSpan(0, count));
                }

                Interlocked.Add(ref _stepTicks, Stopwatch.GetTimestamp() - filledAt);
                if (count > 0)
                {
                    filled.Add((chunk, count), stop);
                }

                if (count < chunk.Length)
                {
                    return null;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // The failure is rethrown on the enumerating thread.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            filled.CompleteAdding();
        }
    }
}
