namespace PolicyLoop.Ingest.Reading;

/// <summary>Limits of the record reader.</summary>
public sealed record RecordReaderOptions
{
    /// <summary>Longest record in bytes that is parsed; longer ones are quarantined. Default 1 MiB.</summary>
    public int MaxRecordBytes { get; init; } = 1024 * 1024;

    /// <summary>Bytes of a quarantined record's text that are kept. Default 64 KiB.</summary>
    public int RawCapBytes { get; init; } = 64 * 1024;

    /// <summary>Bytes read ahead for format detection and the input identity. Default 64 KiB.</summary>
    public int PrefixBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Largest JSON array input in bytes (after decompression) that is read into memory to be split
    /// into elements. Default 256 MiB; OPA's upload chunks are 32 KiB compressed by default.
    /// </summary>
    public int MaxArrayBytes { get; init; } = 256 * 1024 * 1024;
}
