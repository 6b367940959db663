namespace PolicyLoop.Ingest.Reading;

/// <summary>A read-only view of the bytes of a seekable stream from one position to another.</summary>
internal sealed class BoundedReadStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly long _end;

    public BoundedReadStream(Stream inner, long start, long end)
    {
        _inner = inner;
        _end = end;
        _inner.Seek(start, SeekOrigin.Begin);
    }

    public override int Read(Span<byte> buffer)
    {
        var left = _end - _inner.Position;
        return left <= 0 ? 0 : _inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
