using System.Collections.Concurrent;

namespace PolicyLoop.Ingest;

/// <summary>
/// Copies of records' raw bytes for one batch, packed into shared 1 MiB chunks so that the raw
/// text costs no object per record. The chunks go back to the pool when the batch is stored, so
/// the events' <see cref="Core.DecisionEvent.RawUtf8"/> must not be read after that.
/// </summary>
internal sealed class RawTextArena(RawTextArena.ChunkPool pool)
{
    private readonly List<byte[]> _chunks = [];
    private byte[]? _current;
    private int _used;

    /// <summary>Copies <paramref name="bytes"/> into the arena and returns the copy.</summary>
    public ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ChunkPool.ChunkBytes)
        {
            return bytes.ToArray();
        }

        if (_current is null || _used + bytes.Length > _current.Length)
        {
            _current = pool.Rent();
            _chunks.Add(_current);
            _used = 0;
        }

        var copy = _current.AsMemory(_used, bytes.Length);
        bytes.CopyTo(copy.Span);
        _used += bytes.Length;
        return copy;
    }

    /// <summary>Returns every chunk to the pool; the copies handed out are invalid afterwards.</summary>
    public void Release()
    {
        foreach (var chunk in _chunks)
        {
            pool.Return(chunk);
        }

        _chunks.Clear();
        _current = null;
    }

    /// <summary>Chunks shared by the batches of one run; the parse thread rents and the write thread returns.</summary>
    internal sealed class ChunkPool
    {
        public const int ChunkBytes = 1 << 20;

        // Enough for the three batches in flight at the default batch size, with records of 500 bytes.
        private const int MaxPooledChunks = 192;

        private readonly ConcurrentQueue<byte[]> _free = new();

        public byte[] Rent() => _free.TryDequeue(out var chunk) ? chunk : new byte[ChunkBytes];

        public void Return(byte[] chunk)
        {
            if (_free.Count < MaxPooledChunks)
            {
                _free.Enqueue(chunk);
            }
        }
    }
}
