namespace PolicyLoop.Ingest;

/// <summary>Progress of the input being read: bytes consumed of its size (when known) and records so far.</summary>
public readonly record struct IngestProgress(string Input, long BytesRead, long? BytesTotal, long Records);
