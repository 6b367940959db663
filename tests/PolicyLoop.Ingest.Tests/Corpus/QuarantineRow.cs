namespace PolicyLoop.Ingest.Tests.Corpus;

/// <summary>A row of the store's quarantine table.</summary>
internal sealed record QuarantineRow(string File, long Line, long ByteOffset, string Reason, string Raw, bool RawTruncated);
