using System.Runtime.InteropServices;

namespace PolicyLoop.Ingest.Reading;

/// <summary>
/// Decompresses gzip through the system zlib, member after member. Unlike
/// <see cref="System.IO.Compression.GZipStream"/> (which, as of .NET 10, returns end of stream when
/// the input stops mid-member), this stream raises <see cref="InvalidDataException"/> for a
/// truncated member and for a CRC or length mismatch in a member's trailer.
/// </summary>
internal sealed unsafe partial class GzipReadStream : ForwardReadStream
{
    private const int ZOk = 0;
    private const int ZStreamEnd = 1;
    private const int ZBufError = -5;
    private const int ZNoFlush = 0;

    // 15 window bits plus 16 selects the gzip wrapper, with its header and trailer checks.
    private const int GzipWindowBits = 15 + 16;

    private readonly Stream _inner;
    private readonly byte[] _input = new byte[64 * 1024];
    private readonly ZStream* _zstream;
    private GCHandle _inputHandle;
    private int _inputStart;
    private int _inputEnd;
    private bool _memberEnded;
    private bool _finished;
    private bool _disposed;
    private InvalidDataException? _pendingError;

    public GzipReadStream(Stream inner)
    {
        _inner = inner;
        _inputHandle = GCHandle.Alloc(_input, GCHandleType.Pinned);

        // zlib keeps a pointer back to the z_stream, so it lives in native memory that never moves.
        _zstream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        var status = InflateInit2(_zstream, GzipWindowBits, "1.2.11", sizeof(ZStream));
        if (status != ZOk)
        {
            throw new InvalidOperationException($"zlib inflateInit2 failed with status {status}.");
        }
    }

    /// <summary>Compressed bytes consumed from the inner stream so far.</summary>
    public long CompressedPosition { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pendingError is not null)
        {
            _finished = true;
            throw _pendingError;
        }

        if (buffer.IsEmpty || _finished)
        {
            return 0;
        }

        fixed (byte* output = buffer)
        {
            while (true)
            {
                if (_inputStart == _inputEnd && !FillInput())
                {
                    return FinishAtEndOfInput();
                }

                if (_memberEnded)
                {
                    StartNextMember();
                }

                var produced = InflateOnce(output, buffer.Length);
                if (produced > 0)
                {
                    return produced;
                }
            }
        }
    }

    private int FinishAtEndOfInput()
    {
        _finished = true;
        if (!_memberEnded)
        {
            throw new InvalidDataException(
                $"gzip stream truncated after {CompressedPosition} compressed bytes: the last member has no end.");
        }

        return 0;
    }

    private void StartNextMember()
    {
        // Concatenated gzip members decompress as one stream, as gzip(1) does.
        var status = InflateReset(_zstream);
        if (status != ZOk)
        {
            throw new InvalidDataException($"zlib inflateReset failed with status {status}.");
        }

        _memberEnded = false;
    }

    private int InflateOnce(byte* output, int capacity)
    {
        var available = _inputEnd - _inputStart;
        _zstream->NextIn = (byte*)_inputHandle.AddrOfPinnedObject() + _inputStart;
        _zstream->AvailIn = (uint)available;
        _zstream->NextOut = output;
        _zstream->AvailOut = (uint)capacity;

        var status = Inflate(_zstream, ZNoFlush);
        var consumed = available - (int)_zstream->AvailIn;
        _inputStart += consumed;
        CompressedPosition += consumed;
        var produced = capacity - (int)_zstream->AvailOut;

        if (status == ZStreamEnd)
        {
            _memberEnded = true;
        }
        else if (status != ZOk && status != ZBufError)
        {
            var message = _zstream->Msg == null ? $"status {status}" : Marshal.PtrToStringUTF8((IntPtr)_zstream->Msg);
            _pendingError = new InvalidDataException(
                $"gzip data is corrupt near compressed byte {CompressedPosition}: {message}.");
        }

        // Bytes inflated before the error are delivered first; the error surfaces on the next read.
        if (_pendingError is not null && produced == 0)
        {
            _finished = true;
            throw _pendingError;
        }

        return produced;
    }

    private bool FillInput()
    {
        _inputStart = 0;
        _inputEnd = _inner.Read(_input, 0, _input.Length);
        return _inputEnd > 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            _ = InflateEnd(_zstream);
            NativeMemory.Free(_zstream);
            _inputHandle.Free();
            if (disposing)
            {
                _inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    [LibraryImport("libz.so.1", EntryPoint = "inflateInit2_", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int InflateInit2(ZStream* stream, int windowBits, string version, int streamSize);

    [LibraryImport("libz.so.1", EntryPoint = "inflate")]
    private static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport("libz.so.1", EntryPoint = "inflateReset")]
    private static partial int InflateReset(ZStream* stream);

    [LibraryImport("libz.so.1", EntryPoint = "inflateEnd")]
    private static partial int InflateEnd(ZStream* stream);

    /// <summary>zlib's z_stream on LP64 Linux, where uLong is 64 bits.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public uint AvailIn;
        public nuint TotalIn;
        public byte* NextOut;
        public uint AvailOut;
        public nuint TotalOut;
        public byte* Msg;
        public IntPtr State;
        public IntPtr ZAlloc;
        public IntPtr ZFree;
        public IntPtr Opaque;
        public int DataType;
        public nuint Adler;
        public nuint Reserved;
    }
}
