using System.Data.Common;
using DuckDB.NET.Data;
using PolicyLoop.Core;

namespace PolicyLoop.Storage;

/// <summary>
/// Streams stored events in the order of <see cref="DuckDbEventStore.ReadEvents"/>, reading only
/// the requested fields into event objects that the caller supplies and reuses. A field that was
/// not requested stays at its default (null, empty or false), so only code that reads the
/// requested fields may look at these events. Not thread-safe.
/// </summary>
/// <remarks>
/// The read runs one ordered query per time slice, in slice order, and each slice contains about
/// <see cref="SliceEvents"/> events when events spread evenly over time. DuckDB sorts a whole
/// result in memory before it returns the first row, so one query over ten million events
/// peaked at 6.5 GB; a slice bounds that sort. The slice filter on <c>time</c> lets DuckDB skip
/// row groups by their minimum and maximum time, which works when the store holds events
/// roughly in time order, as logs ingested file by file are.
/// </remarks>
public sealed class ProjectedEventReader : IDisposable
{
    /// <summary>
    /// Events per time slice when events spread evenly. By an estimate from the 6.5 GB peak of one sort over
    /// 10 million rows of 15 columns, a slice of 250,000 such rows sorts in about 160 MB.
    /// </summary>
    public const long SliceEvents = 250_000;

    private readonly Func<DateTime, DateTime, DuckDBCommand> _sliceCommand;
    private readonly Action<DbDataReader, int, DecisionEvent>[] _assigns;
    private readonly Queue<(DateTime Start, DateTime End)> _slices;
    private DuckDBCommand? _command;
    private DbDataReader? _reader;

    internal ProjectedEventReader(Func<DateTime, DateTime, DuckDBCommand> sliceCommand, IReadOnlyList<string> columns,
        IEnumerable<(DateTime Start, DateTime End)> slices)
    {
        _sliceCommand = sliceCommand;
        _assigns = [.. columns.Select(EventColumnAssigns.For)];
        _slices = new Queue<(DateTime Start, DateTime End)>(slices);
    }

    /// <summary>
    /// Fills the events of <paramref name="chunk"/> from the start with the next stored events and
    /// returns how many it filled; fewer than the chunk's length means the read is complete.
    /// Null entries are replaced by new events, and existing ones are overwritten field by field.
    /// </summary>
    public int Fill(DecisionEvent?[] chunk)
    {
        var assigns = _assigns;
        var filled = 0;
        while (filled < chunk.Length && NextRow() is { } reader)
        {
            var target = chunk[filled] ??= new DecisionEvent { EventId = "", Source = "" };
            for (var i = 0; i < assigns.Length; i++)
            {
                assigns[i](reader, i, target);
            }

            filled++;
        }

        return filled;
    }

    /// <summary>Moves to the next row, opening the next slice's query when one is exhausted; null at the end.</summary>
    private DbDataReader? NextRow()
    {
        while (true)
        {
            if (_reader is not null && _reader.Read())
            {
                return _reader;
            }

            CloseSlice();
            if (!_slices.TryDequeue(out var slice))
            {
                return null;
            }

            _command = _sliceCommand(slice.Start, slice.End);
            _reader = _command.ExecuteReader();
        }
    }

    private void CloseSlice()
    {
        _reader?.Dispose();
        _command?.Dispose();
        _reader = null;
        _command = null;
    }

    public void Dispose() => CloseSlice();
}
