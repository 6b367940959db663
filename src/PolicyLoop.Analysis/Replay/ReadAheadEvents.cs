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
    private long _readTicks;
    private long _waitTicks;

    /// <summary>Time the reader thread spent inside the fill delegate.</summary>
    public TimeSpan ReadTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readTicks));

    /// <summary>Time the enumerating thread spent waiting for a filled chunk.</summary>
    public TimeSpan WaitTime => Stopwatch.GetElapsedTime(0, _waitTicks);

    public IEnumerator<DecisionEvent> GetEnumerator()
    {
        using var filled = new BlockingCollection<(DecisionEvent?[] Chunk, int Count)>();
        using var free = new BlockingCollection<DecisionEvent?[]>();
        for (var i = 0; i < Math.Max(2, chunks); i++)
        {
            free.Add(new DecisionEvent?[Math.Max(1, chunkSize)]);
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
                Interlocked.Add(ref _readTicks, Stopwatch.GetTimestamp() - start);
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
