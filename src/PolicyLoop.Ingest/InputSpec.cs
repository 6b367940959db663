namespace PolicyLoop.Ingest;

/// <summary>One input to ingest: its name as the user gave it, how to open it and its size when known.</summary>
public sealed record InputSpec(string Name, Func<Stream> Open, long? Length);
