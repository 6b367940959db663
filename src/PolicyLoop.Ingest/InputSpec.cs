namespace PolicyLoop.Ingest;

/// <summary>
/// One input to ingest: its name as the user gave it, how to open it and its size when known.
/// <paramref name="Discovered"/> marks a file found by walking a directory or expanding a glob
/// rather than named by the user; such a file is skipped, not an error, when it is not a log.
/// With <paramref name="Continuation"/>, <paramref name="Open"/> gives only the bytes from
/// <see cref="InputContinuation.Offset"/> on, once the file has been read before.
/// </summary>
public sealed record InputSpec(
    string Name,
    Func<Stream> Open,
    long? Length,
    bool Discovered = false,
    InputContinuation? Continuation = null);
