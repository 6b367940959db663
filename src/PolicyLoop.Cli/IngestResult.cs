using PolicyLoop.Ingest;

namespace PolicyLoop.Cli;

/// <summary>Per-input reports of an ingest step and how many given paths could not be resolved.</summary>
internal sealed record IngestResult(IReadOnlyList<FileIngestReport> Reports, int PathProblems)
{
    /// <summary>True when a path matched nothing, a folder could not be listed or an input could not be read.</summary>
    public bool HasInputErrors => PathProblems > 0 || Reports.Any(report => report.Error is not null);
}
