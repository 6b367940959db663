using PolicyLoop.Ingest;

namespace PolicyLoop.Cli;

/// <summary>Per-input reports of an ingest step and how many given paths matched nothing.</summary>
internal sealed record IngestResult(IReadOnlyList<FileIngestReport> Reports, int MissingPaths)
{
    /// <summary>True when a path matched nothing or an input could not be read.</summary>
    public bool HasInputErrors => MissingPaths > 0 || Reports.Any(report => report.Error is not null);
}
