namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>A row of the store's events table, with its input location.</summary>
internal sealed record StoredRow(string EventId, string File, long Line, long ByteOffset, string Decision, string Raw);
