using System.Runtime.CompilerServices;

namespace PolicyLoop.Policies.Evaluation;

/// <summary>
/// Sliding windows over event time for <c>rate()</c> and <c>count()</c>, one per (call site, key). Feed events in
/// time order, because a window contains the timestamps in (t - window, t] of the newest event. A key whose newest
/// record has left its longest window is dropped, with its windows, by a sweep. The next sweep comes after as many
/// records as the sweep left windows, and after at least <see cref="MinSweepInterval"/>. So the windows held are at
/// most twice the active ones plus that minimum, and sweeping costs a constant amount per record however many keys
/// there are. A sweep reads one time per key and never the windows of a key it keeps.
/// The state is deterministic: the same events in the same order give the same counts.
/// </summary>
/// <remarks>
/// Windows are grouped by key, so the sites that share a key (rate(client_ip, "1m") and count(client_ip, "10m"))
/// find theirs with one lookup, and a call with the same key object as the call before it skips even that.
/// </remarks>
public sealed class RateState
{
    private const int MinSweepInterval = 4096;
    private const int MaxFreeWindows = 65_536;
    private const int MaxFreeCapacity = 64;
    private const int RecentSize = 4096;

    private readonly Dictionary<string, KeyWindows> _keys = new(StringComparer.Ordinal);

    /// <summary>Emptied windows kept for new keys, so keys that come and go do not allocate a window each time.</summary>
    private readonly Stack<Window> _free = new();

    /// <summary>Emptied keys' holders, kept for new keys like <see cref="_free"/>.</summary>
    private readonly Stack<KeyWindows> _freeKeys = new();

    private DateTime _newest = DateTime.MinValue;
    private int _sites = 1;
    private int _sinceSweep;
    private int _sweepInterval = MinSweepInterval;
    private string? _lastKey;
    private KeyWindows? _lastWindows;

    /// <summary>
    /// Recently looked-up key objects that have windows, and their windows, by the object's identity. Readers
    /// that share repeated text pass the same string object again and again, and a hit skips hashing the text.
    /// </summary>
    private readonly string?[] _recentKeys = new string?[RecentSize];

    private readonly KeyWindows?[] _recentWindows = new KeyWindows?[RecentSize];

    /// <summary>Number of (site, key) windows held.</summary>
    public int KeyCount { get; private set; }

    /// <summary>Adds one event at <paramref name="time"/> and returns the events in the window, this one included.</summary>
    public long Record(int site, string key, TimeSpan window, DateTime time)
    {
        var windows = WindowsOf(key, site, create: true)!;
        var entries = windows.Sites[site];
        if (entries is null)
        {
            entries = _free.TryPop(out var reused) ? reused : new Window();
            entries.LengthTicks = window.Ticks;
            windows.Sites[site] = entries;
            windows.LongestTicks = Math.Max(windows.LongestTicks, window.Ticks);
            KeyCount++;
        }

        windows.NewestTicks = Math.Max(windows.NewestTicks, time.Ticks);
        entries.Add(time.Ticks);
        entries.Expire(time.Ticks);
        Touch(time);
        return entries.Count;
    }

    /// <summary>Returns the events in the window ending at <paramref name="time"/> without adding one.</summary>
    public long Peek(int site, string key, TimeSpan window, DateTime time)
    {
        if (WindowsOf(key, site, create: false) is not { } windows || windows.Sites[site] is not { } entries)
        {
            return 0;
        }

        entries.Expire(time.Ticks);
        return entries.Count;
    }

    /// <summary>The key's windows by site, grown to hold <paramref name="site"/>; null when absent and not created.</summary>
    private KeyWindows? WindowsOf(string key, int site, bool create)
    {
        if (!ReferenceEquals(key, _lastKey) || _lastWindows is null)
        {
            // Only keys with windows are remembered: equal text can arrive as another object (from another column),
            // create the windows, and leave a remembered absence out of date.
            var recent = RuntimeHelpers.GetHashCode(key) & (RecentSize - 1);
            if (!ReferenceEquals(_recentKeys[recent], key) || _recentWindows[recent] is not { } found)
            {
                _keys.TryGetValue(key, out found);
            }

            if (found is null)
            {
                if (!create)
                {
                    return null;
                }

                _sites = Math.Max(_sites, site + 1);
                found = _freeKeys.TryPop(out var reused) ? reused : new KeyWindows();
                if (found.Sites.Length < _sites)
                {
                    found.Sites = new Window?[_sites];
                }

                _keys[key] = found;
            }

            (_recentKeys[recent], _recentWindows[recent]) = (key, found);

            (_lastKey, _lastWindows) = (key, found);
        }

        if (site >= _lastWindows.Sites.Length)
        {
            var grown = _lastWindows.Sites;
            Array.Resize(ref grown, site + 1);
            _lastWindows.Sites = grown;
        }

        return _lastWindows;
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
        (_lastKey, _lastWindows) = (null, null);
        Array.Clear(_recentKeys);
        Array.Clear(_recentWindows);

        // Removing the current entry while enumerating a Dictionary is allowed since .NET Core 3.0.
        foreach (var (key, windows) in _keys)
        {
            if (windows.NewestTicks > _newest.Ticks - windows.LongestTicks)
            {
                continue;
            }

            _keys.Remove(key);
            var sites = windows.Sites;
            for (var site = 0; site < sites.Length; site++)
            {
                if (sites[site] is not { } entries)
                {
                    continue;
                }

                sites[site] = null;
                KeyCount--;

                // A window that once held a burst keeps its large buffer, so it is not kept for reuse.
                if (_free.Count < MaxFreeWindows && entries.Capacity <= MaxFreeCapacity)
                {
                    entries.Clear();
                    _free.Push(entries);
                }
            }

            if (_freeKeys.Count < MaxFreeWindows)
            {
                (windows.NewestTicks, windows.LongestTicks) = (0, 0);
                _freeKeys.Push(windows);
            }
        }

        _sweepInterval = Math.Max(MinSweepInterval, KeyCount);
    }

    /// <summary>One key's windows by site, with the newest time recorded in any of them and the longest window length.</summary>
    private sealed class KeyWindows
    {
        public Window?[] Sites { get; set; } = [];

        public long NewestTicks { get; set; }

        public long LongestTicks { get; set; }
    }

    /// <summary>
    /// One key's timestamps for one site, oldest first, in a ring buffer held by the window itself, so reaching
    /// the times from the key's entry takes one hop less than through a separate queue object.
    /// </summary>
    /// <remarks>NOTE: a window keeps one timestamp per request, so one key's memory grows with its requests per window.</remarks>
    private sealed class Window
    {
        private long[] _times = new long[4];
        private int _head;

        public long LengthTicks { get; set; }

        public int Count { get; private set; }

        /// <summary>The length of the buffer, which grows with the busiest moment of the key and never shrinks.</summary>
        public int Capacity => _times.Length;

        public void Add(long ticks)
        {
            if (Count == _times.Length)
            {
                var grown = new long[_times.Length * 2];
                for (var i = 0; i < Count; i++)
                {
                    grown[i] = _times[(_head + i) & (_times.Length - 1)];
                }

                (_times, _head) = (grown, 0);
            }

            _times[(_head + Count) & (_times.Length - 1)] = ticks;
            Count++;
        }

        public void Clear() => (_head, Count) = (0, 0);

        public void Expire(long now)
        {
            var oldest = now - LengthTicks;
            while (Count > 0 && _times[_head] <= oldest)
            {
                _head = (_head + 1) & (_times.Length - 1);
                Count--;
            }
        }
    }
}
