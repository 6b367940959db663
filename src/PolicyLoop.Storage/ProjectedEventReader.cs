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
public sealed class ProjectedEventReader : IDisposable
{
    private readonly DuckDBCommand _command;
    private readonly DbDataReader _reader;
    private readonly Action<DbDataReader, int, DecisionEvent>[] _assigns;

    internal ProjectedEventReader(DuckDBCommand command, IReadOnlyList<string> columns)
    {
        _command = command;
        _assigns = [.. columns.Select(EventColumnAssigns.For)];
        try
        {
            _reader = command.ExecuteReader();
        }
        catch
        {
            command.Dispose();
            throw;
        }
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
        while (filled < chunk.Length && _reader.Read())
        {
            var target = chunk[filled] ??= new DecisionEvent { EventId = "", Source = "" };
            for (var i = 0; i < assigns.Length; i++)
            {
                assigns[i](_reader, i, target);
            }

            filled++;
        }

        return filled;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
    }
}
