namespace PolicyLoop.Ingest.Reading;

/// <summary>A read-only stream that yields already-read bytes before the rest of its inner stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : ForwardReadStream
{
    private int _prefixPosition;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _prefixPosition);
            prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }

        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
