using DuckDB.NET.Native;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>
/// Streams stored events in the order of <see cref="DuckDbEventStore.ReadEvents"/>, reading only
/// the requested fields into event objects that the caller supplies and reuses. A field that was
/// not requested stays at its default (null, empty or false) on events this reader created, and
/// events passed in are overwritten field by field, so only code that reads the requested fields
/// may look at them. Not thread-safe.
/// </summary>
/// <remarks>
/// The read runs one query per time slice, in slice order, and each slice contains about
/// <see cref="SliceEvents"/> events when events spread evenly over time. The slice filter on
/// <c>time</c> lets DuckDB skip row groups by their minimum and maximum time, which works when the
/// store holds events roughly in time order, as logs ingested file by file are.
/// <para>
/// The query has no ORDER BY. Each chunk of its result is copied into the columns' own arrays as
/// it arrives and freed at once, and the slice is then ordered here by time and by event id in
/// code point order, which is the order of DuckDB's ORDER BY. Sorting in DuckDB copied every
/// column of the slice once more, and reading through ADO.NET allocated a new string for every
/// text value; here text that repeats is shared (<see cref="TextPool"/>). Chunks are not kept:
/// a filtered chunk can hold on to the buffers of every row its scan read, so keeping a slice's
/// chunks held memory in proportion to the rows scanned rather than the rows kept.
/// </para>
/// </remarks>
public sealed unsafe class ProjectedEventReader : IDisposable
{
    /// <summary>
    /// Events per time slice when events spread evenly. A slice's values are held while it is read:
    /// a reference or a number per column and event, and the text that does not repeat.
    /// </summary>
    public const long SliceEvents = 250_000;

    private readonly DuckDBPreparedStatement _statement;
    private readonly NativeColumn[] _columns;
    private readonly Queue<(DateTime Start, DateTime End)> _slices;
    private DuckDBResult _result;
    private bool _hasResult;
    private long[] _micros = [];
    private int[] _order = [];
    private int _count;
    private int _next;

    /// <param name="connection">The store's connection.</param>
    /// <param name="sql">
    /// The slice query: its first two columns are event_id and time, <c>$1</c> and <c>$2</c> are
    /// the slice's start and end, and <c>$3</c> to <c>$5</c> the query's since, until and source.
    /// </param>
    /// <param name="columns">The selected columns, in order.</param>
    /// <param name="query">The query whose since, until and source fill <c>$3</c> to <c>$5</c>.</param>
    /// <param name="slices">The time slices, in order.</param>
    internal ProjectedEventReader(DuckDBNativeConnection connection, string sql, IReadOnlyList<string> columns,
        EventQuery query, IEnumerable<(DateTime Start, DateTime End)> slices)
    {
        if (columns.Count < 2 || columns[0] != "event_id" || columns[1] != "time")
        {
            throw new ArgumentException("the first two columns must be event_id and time, which order the events", nameof(columns));
        }

        _columns = [.. columns.Select(NativeColumn.For)];
        _slices = new Queue<(DateTime Start, DateTime End)>(slices);
        if (NativeMethods.PreparedStatements.DuckDBPrepare(connection, sql, out _statement) != DuckDBState.Success)
        {
            var error = NativeMethods.PreparedStatements.DuckDBPrepareError(_statement);
            _statement.Dispose();
            throw new StoreException($"preparing the event read failed: {error}");
        }

        BindTime(3, query.Since);
        BindTime(4, query.Until);
        Check(query.Source is null
            ? NativeMethods.PreparedStatements.DuckDBBindNull(_statement, 5)
            : NativeMethods.PreparedStatements.DuckDBBindVarchar(_statement, 5, query.Source));
    }

    /// <summary>
    /// Fills the events of <paramref name="chunk"/> from the start with the next stored events and
    /// returns how many it filled; fewer than the chunk's length means the read is complete.
    /// Null entries are replaced by new events, and existing ones are overwritten field by field.
    /// </summary>
    public int Fill(DecisionEvent?[] chunk)
    {
        var filled = 0;
        while (filled < chunk.Length && (_next < _count || ReadSlice()))
        {
            var index = _order[_next++];
            var target = chunk[filled] ??= new DecisionEvent { EventId = "", Source = "" };
            foreach (var column in _columns)
            {
                column.Assign(target, index);
            }

            filled++;
        }

        return filled;
    }

    /// <summary>Runs the next non-empty slice's query and orders its rows; false when no slice is left.</summary>
    private bool ReadSlice()
    {
        ReleaseSlice();
        while (_count == 0 && _slices.TryDequeue(out var slice))
        {
            BindTime(1, slice.Start);
            BindTime(2, slice.End);
            if (NativeMethods.PreparedStatements.DuckDBExecutePreparedStreaming(_statement, out _result) != DuckDBState.Success)
            {
                var error = NativeMethods.Query.DuckDBResultError(ref _result);
                NativeMethods.Query.DuckDBDestroyResult(ref _result);
                throw new StoreException($"reading events from the store failed: {error}");
            }

            _hasResult = true;
            while (NativeMethods.StreamingResult.DuckDBStreamFetchChunk(_result) is { IsInvalid: false } chunk)
            {
                AddChunk(chunk);
            }
        }

        Order();
        return _count > 0;
    }

    /// <summary>Copies a chunk's rows into the columns and frees it.</summary>
    private void AddChunk(DuckDBDataChunk chunk)
    {
        using (chunk)
        {
            var size = (int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(chunk);
            if (_count + size > _order.Length)
            {
                var length = Math.Max(Math.Max(4096, _count + size), _order.Length * 2);
                Array.Resize(ref _order, length);
                Array.Resize(ref _micros, length);
                foreach (var column in _columns)
                {
                    column.Reserve(length);
                }
            }

            for (var i = 0; i < _columns.Length; i++)
            {
                _columns[i].Use(NativeColumn.VectorsOf(NativeMethods.DataChunks.DuckDBDataChunkGetVector(chunk, i), _columns[i].IsList));
                _columns[i].Capture(size, _count);
            }

            for (var row = 0; row < size; row++)
            {
                _micros[_count] = _columns[1].Number(_count);
                _order[_count] = _count;
                _count++;
            }
        }
    }

    /// <summary>Sorts the rows by time, then orders each run of equal times by event id.</summary>
    private void Order()
    {
        var order = _order.AsSpan(0, _count);
        var micros = _micros.AsSpan(0, _count);
        micros.Sort(order);
        var runStart = 0;
        for (var i = 1; i <= order.Length; i++)
        {
            if (i < order.Length && micros[i] == micros[runStart])
            {
                continue;
            }

            if (i - runStart > 1)
            {
                order[runStart..i].Sort(CompareEventIds);
            }

            runStart = i;
        }
    }

    private int CompareEventIds(int left, int right) =>
        CodePointOrder.Compare(_columns[0].TextAt(left)!, _columns[0].TextAt(right)!);

    private void BindTime(int index, DateTime? time)
    {
        var micros = time is { } value ? (value - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond : (long?)null;
        Check(micros is { } bound
            ? NativeMethods.PreparedStatements.DuckDBBindTimestamp(_statement, index, new DuckDBTimestampStruct { Micros = bound })
            : NativeMethods.PreparedStatements.DuckDBBindNull(_statement, index));
    }

    private void Check(DuckDBState state)
    {
        if (state != DuckDBState.Success)
        {
            throw new StoreException($"binding the parameters of the event read failed: {NativeMethods.PreparedStatements.DuckDBPrepareError(_statement)}");
        }
    }

    /// <summary>Frees the current slice's result; its values stay in the columns until the next slice overwrites them.</summary>
    private void ReleaseSlice()
    {
        (_count, _next) = (0, 0);
        if (_hasResult)
        {
            NativeMethods.Query.DuckDBDestroyResult(ref _result);
            _hasResult = false;
        }
    }

    public void Dispose()
    {
        ReleaseSlice();
        _slices.Clear();
        _statement.Dispose();
    }
}
