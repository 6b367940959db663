namespace PolicyLoop.Ingest;

/// <summary>
/// What happened to one input. Every record read is accounted for:
/// <c>Read == Stored + Duplicates + Quarantined</c>. Blank lines are not records.
/// </summary>
public sealed class FileIngestReport(string name)
{
    public string Name { get; } = name;

    public string? Format { get; set; }

    public long Read { get; set; }

    public long Stored { get; set; }

    public long Duplicates { get; set; }

    public long Quarantined { get; set; }

    /// <summary>Duplicates whose id was already taken by a record with different content; a subset of Duplicates.</summary>
    public long Conflicts { get; set; }

    /// <summary>One of the conflicting ids, for the note that reports them.</summary>
    public string? FirstConflictId { get; set; }

    public long BlankLines { get; set; }

    /// <summary>Events accepted by a lenient parsing rule (stored or duplicate).</summary>
    public long Lenient { get; set; }

    /// <summary>Why the input could not be read at all, or null.</summary>
    public string? Error { get; set; }

    /// <summary>Notes about the input as a whole, such as transcoding from UTF-16.</summary>
    public List<string> Notes { get; } = [];

    public bool IsReconciled => Read == Stored + Duplicates + Quarantined;
}
