namespace PolicyLoop.Ingest.Formats.Moderation;

/// <summary>The combined outcome of a moderation response's results.</summary>
internal sealed record ModerationVerdict(
    bool Flagged,
    IReadOnlyList<string> FlaggedCategories,
    IReadOnlyDictionary<string, double> Scores);
