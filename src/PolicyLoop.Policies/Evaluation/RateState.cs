namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Sliding windows over event time for <c>rate()</c> and <c>count()</c>, one per (call site, key). Feed events in
/// time order, because a window contains the timestamps in (t - window, t] of the newest event. Keys whose newest
/// entry has left its window are dropped by a sweep. The next sweep comes after as many records as the sweep left
/// keys, and after at least <see cref="MinSweepInterval"/>. So the keys held are at most twice the active keys
/// plus that minimum, and sweeping costs a constant amount per record however many keys there are.
/// The state is deterministic: the same events in the same order give the same counts.
/// </summary>
public sealed class RateState
{
    private const int MinSweepInterval = 4096;
    private readonly Dictionary<(int Site, string Key), Window> _windows = [];
    private DateTime _newest = DateTime.MinValue;
    private int _sinceSweep;
    private int _sweepInterval = MinSweepInterval;

    /// <summary>Number of (site, key) windows held.</summary>
    public int KeyCount => _windows.Count;

    /// <summary>Adds one event at <paramref name="time"/> and returns the events in the window, this one included.</summary>
    public long Record(int site, string key, TimeSpan window, DateTime time)
    {
        var entries = GetWindow(site, key, window);
        entries.Times.Enqueue(time.Ticks);
        entries.Expire(time.Ticks);
        Touch(time);
        return entries.Times.Count;
    }

    /// <summary>Returns the events in the window ending at <paramref name="time"/> without adding one.</summary>
    public long Peek(int site, string key, TimeSpan window, DateTime time)
    {
        if (!_windows.TryGetValue((site, key), out var entries))
        {
            return 0;
        }

        entries.Expire(time.Ticks);
        return entries.Times.Count;
    }

    private Window GetWindow(int site, string key, TimeSpan window)
    {
        if (!_windows.TryGetValue((site, key), out var entries))
        {
            entries = new Window(window.Ticks);
            _windows[(site, key)] = entries;
        }

        return entries;
    }

    private void Touch(DateTime time)
    {
        if (time > _newest)
        {
            _newest = time;
        }

        if (++_sinceSweep < _sweepInterval)
        {
            return;
        }

        _sinceSweep = 0;

        // Removing the current entry while enumerating a Dictionary is allowed since .NET Core 3.0.
        foreach (var (id, entries) in _windows)
        {
            entries.Expire(_newest.Ticks);
            if (entries.Times.Count == 0)
            {
                _windows.Remove(id);
            }
        }

        _sweepInterval = Math.Max(MinSweepInterval, _windows.Count);
    }

    // NOTE: a window keeps one timestamp per request, so one key's memory grows with its requests per window.
    private sealed class Window(long lengthTicks)
    {
        public Queue<long> Times { get; } = new();

        public void Expire(long now)
        {
            while (Times.Count > 0 && Times.Peek() <= now - lengthTicks)
            {
                Times.Dequeue();
            }
        }
    }
}
