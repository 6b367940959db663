namespace PolicyLoop.Ingest;

/// <summary>
/// What a followed input carries from one read to the next, so that a later read of only the
/// appended bytes gives each record the same id, line and byte offset as a read of the whole file.
/// <see cref="IngestRunner"/> fills it in after each read.
/// </summary>
public sealed class InputContinuation
{
    /// <summary>The byte offset of the first byte to read, in the whole file.</summary>
    public long Offset { get; set; }

    /// <summary>Lines before <see cref="Offset"/>, blank lines included.</summary>
    public long Line { get; set; }

    /// <summary>The identity of the file, with its count of identical records; null before the first read.</summary>
    public InputIdentity? Identity { get; set; }

    /// <summary>The format detected on the first read, used for later reads.</summary>
    public string? Format { get; set; }

    /// <summary>
    /// False when the file cannot be continued from an offset (gzip, UTF-16 text or a JSON array),
    /// so every read takes the whole file.
    /// </summary>
    public bool Appendable { get; set; } = true;

    /// <summary>Forgets everything, for a file that was truncated or replaced.</summary>
    public void Reset()
    {
        Offset = 0;
        Line = 0;
        Identity = null;
        Format = null;
        Appendable = true;
    }
}
